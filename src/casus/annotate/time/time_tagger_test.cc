#include "casus/annotate/time/time_tagger.h"

#include <gtest/gtest.h>

#include "casus/core/document.h"

namespace casus {
namespace {

// "text|TYPE|value" for each expression found, joined by "; ".
std::string Tag(const std::string& text, const std::string& published) {
  static const TimeTagger tagger;
  std::string out;
  for (const TimeExpression& e : tagger.Tag(text, published)) {
    if (!out.empty()) out += "; ";
    out += std::string(e.span.Of(text)) + "|" + TimexTypeName(e.type) + "|" + e.value;
  }
  return out;
}

struct Case {
  const char* text;
  const char* published;
  const char* expected;
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Tag(c.text, c.published), c.expected) << c.text << " @ " << c.published;
}

TEST(TimeTagger, AbsoluteDates) {
  Check({
      {"It happened on September 20, 2023.", "2024-01-01", "September 20, 2023|DATE|2023-09-20"},
      {"It happened on 20 September 2023.", "2024-01-01", "20 September 2023|DATE|2023-09-20"},
      {"Talks were held on Sept. 20 in Baku.", "2023-09-25", "Sept. 20|DATE|2023-09-20"},
      {"The deadline is Oct 5th.", "2023-09-25", "Oct 5th|DATE|2023-10-05"},
      {"The file is dated 2023-09-20.", "2024-01-01", "2023-09-20|DATE|2023-09-20"},
      {"The war of 2020 ended.", "2023-09-20", "2020|DATE|2020"},
      {"Agreements signed in 2020-2022 remain.", "2023-09-20", "2020|DATE|2020; 2022|DATE|2022"},
      // A range's short end is the later year of the same century ("1999-00": the next).
      {"The 2014-16 drought and the 1999-00 season.", "2023-09-20",
       "2014|DATE|2014; 16|DATE|2016; 1999|DATE|1999; 00|DATE|2000"},
      {"Budgets for 2019/20 and 2019-18 differ.", "2023-09-20", "2019|DATE|2019; 20|DATE|2020; 2019|DATE|2019"},
      {"Updated at 13:01 IST on the site.", "2020-10-03", "13:01 IST|TIME|2020-10-03T13:01"},
      {"The ceasefire took effect at 1 pm local time.", "2023-09-20", "1 pm local time|TIME|2023-09-20T13:00"},
      {"He was seen at 10:35 a.m. near the border.", "1998-08-07", "10:35 a.m.|TIME|1998-08-07T10:35"},
      {"Unrest grew in the 1990s.", "2023-09-20", "the 1990s|DATE|199"},
      // "the 1800s" is a century as news uses it; "the 2000s" a decade.
      {"Mounds dug in the 1800s were mapped in the 2000s.", "2009-03-27", "the 1800s|DATE|18; the 2000s|DATE|200"},
      {"Slavery was practiced from the 17th through 19th centuries.", "2009-03-24", ""},
      {"Unrest grew in the late 1970s and the mid-1990s.", "2023-09-20",
       "the late 1970s|DATE|197; the mid-1990s|DATE|199"},
      {"Unrest grew in early 1995.", "2023-09-20", "early 1995|DATE|1995"},
      {"The conflict began in May 2021.", "2023-09-20", "May 2021|DATE|2021-05"},
      // All-number dates only where day and month cannot be swapped.
      {"The UN said on 20/09/2023 that a convoy was hit.", "2023-09-21", "20/09/2023|DATE|2023-09-20"},
      {"The statement of 19.09.2023 was withdrawn.", "2023-09-21", "19.09.2023|DATE|2023-09-19"},
      {"The form dated 05/06/2023 was lost.", "2023-09-21", ""},
      {"The report, published on 10.11.2023, said 200 died.", "2023-11-15", "10.11.2023|DATE|2023-11-10"},
      {"See example.com/news/2012/12/23/2013 for more.", "2023-09-21", ""},
      {"Police said the shooting happened 2023/09/18.", "2023-09-21", "2023/09/18|DATE|2023-09-18"},
      {"See https://example.com/2023/09/18/story for details.", "2023-09-21", ""},
      // The military clock after a preposition of time; not a quantity of hours.
      {"The convoy left at 0400 hrs.", "2023-09-21", "0400 hrs|TIME|2023-09-21T04:00"},
      {"The curfew lasts until 0600 hours on Friday.", "2023-09-21", "0600 hours on Friday|TIME|2023-09-22T06:00"},
      {"Fighting broke out at approximately 1500 hours.", "2023-09-21", "1500 hours|TIME|2023-09-21T15:00"},
      {"The pilot logged about 2000 hours.", "2023-09-21", "2000 hours|DURATION|PT2000H"},
      {"Crews logged about 2000 hours of flight.", "2023-09-21", "2000 hours|DURATION|PT2000H"},
  });
}

TEST(TimeTagger, RelativeToPublication) {
  Check({
      // Weekdays follow the tense: past -> the latest on or before publication.
      {"The ministry said on Tuesday that it had begun a campaign.", "2023-09-20", "Tuesday|DATE|2023-09-19"},
      {"The Buffalo News reported Friday.", "1998-11-20", "Friday|DATE|1998-11-20"},
      {"The leaders will meet on Tuesday.", "2023-09-20", "Tuesday|DATE|2023-09-26"},
      {"Fighting continued last Wednesday.", "2023-09-20", "last Wednesday|DATE|2023-09-13"},
      // A part of the day joins the span; the value stays the day (as TimeML corpora do).
      {"Protesters gathered on Monday night.", "2023-09-20", "Monday night|TIME|2023-09-18TNI"},
      {"The shelling resumed this evening.", "2023-09-20", "this evening|TIME|2023-09-20TEV"},
      {"The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "2023-09-20",
       "10:35 a.m. (0735 GMT) Friday|TIME|2023-09-15T10:35"},
      {"Talks broke off at noon Thursday.", "2023-09-20", "noon Thursday|TIME|2023-09-14T12:00"},
      // So does "yesterday", "today", "tonight" or "tomorrow".
      {"The drone struck at 3 p.m. yesterday.", "2023-09-20", "3 p.m. yesterday|TIME|2023-09-19T15:00"},
      {"The pause begins at 10:00 local time (08:00 GMT) tomorrow.", "2023-09-20",
       "10:00 local time (08:00 GMT) tomorrow|TIME|2023-09-21T10:00"},
      // A day stated only with the universal time in brackets: the local clock lies the
      // zone's offset (-12 to +14 hours) from it, across midnight where it must.
      {"The attack began at 2 am (2300 GMT Monday), police said.", "2023-09-20",
       "2 am|TIME|2023-09-19T02:00; 2300 GMT Monday|TIME|2023-09-18T23:00"},
      {"Sirens sounded at 0200 local time (2300 GMT on Monday).", "2023-09-20",
       "0200 local time|TIME|2023-09-19T02:00; 2300 GMT on Monday|TIME|2023-09-18T23:00"},
      {"Polls opened at 10 am (1500 GMT Sunday).", "2023-09-20",
       "10 am|TIME|2023-09-17T10:00; 1500 GMT Sunday|TIME|2023-09-17T15:00"},
      {"It began at 11 pm (0100 GMT Sunday).", "2023-09-20",
       "11 pm|TIME|2023-09-16T23:00; 0100 GMT Sunday|TIME|2023-09-17T01:00"},
      {"Officials said today that talks failed.", "2023-09-20", "today|DATE|2023-09-20"},
      {"Shelling resumed yesterday.", "2023-09-20", "yesterday|DATE|2023-09-19"},
      {"Talks continue tomorrow.", "2023-09-20", "tomorrow|DATE|2023-09-21"},
      {"Aid arrived last week.", "2023-09-20", "last week|DATE|2023-W37"},
      {"The plan will be discussed next month.", "2023-09-20", "next month|DATE|2023-10"},
      {"Prices rose last year.", "2023-09-20", "last year|DATE|2022"},
      {"The road was closed earlier this month.", "2023-09-20", "earlier this month|DATE|2023-09"},
      {"Troops blockaded the corridor in December.", "2023-09-20", "December|DATE|2022-12"},
      {"A fight erupted in July killing at least 16 people.", "2020-10-06", "July|DATE|2020-07"},
      {"Elections will be held in December.", "2023-09-20", "December|DATE|2023-12"},
      {"The clinic opened five months ago.", "2023-09-20", "five months ago|DATE|2023-04"},
      {"The village was hit three days ago.", "2023-09-20", "three days ago|DATE|2023-09-17"},
      {"The region has seen conflict since 1991.", "2023-09-20", "1991|DATE|1991"},
      {"It has caused two wars in the past three decades.", "2023-09-20", "the past three decades|DURATION|P30Y"},
      {"He was seen there recently.", "2023-09-20", "recently|DATE|PAST_REF"},
      {"Prosecutors may soon seek an indictment.", "2023-09-20", "soon|DATE|FUTURE_REF"},
      {"The rebels plan to strike again soon.", "2023-09-20", "soon|DATE|FUTURE_REF"},
      {"The minister may visit soon.", "2023-09-20", "soon|DATE|FUTURE_REF"},
      // a conjunction, a degree, or a past told: no time of its own
      {"They will leave as soon as possible, soon after the vote.", "2023-09-20", ""},
      {"He was soon released, and the cash soon became a flood.", "2023-09-20", ""},
      {"It is too soon to tell.", "2023-09-20", ""},
      // Some time to come, or a length of no stated unit; not a modifier.
      {"Prices may fall in the near term.", "2023-09-20", "the near term|DATE|FUTURE_REF"},
      {"In the long term, peace is possible.", "2023-09-20", "the long term|DATE|FUTURE_REF"},
      {"The long term effects and the short-term debt are unknown.", "2023-09-20", ""},
      {"The bonds will be sold at a later date.", "2023-09-20", "a later date|DATE|FUTURE_REF"},
      // "the future of X" is X's prospects, no time.
      {"They met to discuss the future of the racetrack; peace may come in the future.", "2023-09-20",
       "the future|DATE|FUTURE_REF"},
      {"They will live without power for a while.", "2023-09-20", "a while|DURATION|PXX"},
      {"Few people travel these days.", "2023-09-20", "these days|DATE|PRESENT_REF"},
      {"The case is for today's youth what the blockade was.", "2023-09-20", "today|DATE|PRESENT_REF"},
      {"In today\u2019s interconnected world, news travels fast.", "2023-09-20", "today|DATE|PRESENT_REF"},
      {"Today's attack killed 12.", "2023-09-20", "Today|DATE|2023-09-20"},
      // A length as an adjective ("-long"), its article outside; ages stay out.
      {"A week-long offensive began.", "2023-09-20", "week-long|DURATION|P1W"},
      {"The decades-long conflict continues.", "2023-09-20", "decades-long|DURATION|PXDE"},
      {"A 44-year-old man was killed.", "2023-09-20", ""},
      {"Sales will grow over the next couple of years.", "2023-09-20", "the next couple of years|DURATION|P2Y"},
      {"The situation is now calm.", "2023-09-20", "now|DATE|PRESENT_REF"},
      {"Profits fell in the third quarter.", "1989-11-02", "the third quarter|DATE|1989-Q3"},
      // Quarters and halves written as codes; a name or a visa is none.
      {"Output rose in Q3 2023.", "2023-11-15", "Q3 2023|DATE|2023-Q3"},
      {"Exports fell in H1 2024 and in Q4 of 2022.", "2024-11-15", "H1 2024|DATE|2024-H1; Q4 of 2022|DATE|2022-Q4"},
      {"Profits rose in Q2, but sales will recover in Q1.", "2023-11-15", "Q2|DATE|2023-Q2; Q1|DATE|2024-Q1"},
      {"He drove an Audi Q3 to the H1 visa office.", "2023-11-15", ""},
      {"The H1N1 virus spread.", "2023-11-15", ""},
      // Counted from publication ahead: "from now", "the day after tomorrow".
      {"The vote will take place two weeks from now.", "2023-11-15", "two weeks from now|DATE|2023-W48"},
      {"The election is a few weeks from now.", "2023-11-15", "a few weeks from now|DATE|FUTURE_REF"},
      {"Talks resume the day after tomorrow.", "2023-11-15", "the day after tomorrow|DATE|2023-11-17"},
      {"Tourism rose last summer.", "2023-09-20", "last summer|DATE|2023-SU"},
      // "last February" in March is the year before's (the month just ended is "last
      // month"); "last January" in March and "last December" in January are the latest.
      {"Two helicopters crashed last February.", "1998-03-01", "last February|DATE|1997-02"},
      {"Two helicopters crashed last January.", "1998-03-01", "last January|DATE|1998-01"},
      {"Two helicopters crashed last December.", "1998-01-20", "last December|DATE|1997-12"},
      {"Friday's vote was delayed.", "1989-10-30", "Friday|DATE|1989-10-27"},
      {"The 1990 budget was cut.", "1989-10-30", "1990|DATE|1990"},
      {"That 1978 resolution calls for a withdrawal.", "1998-03-02", "1978|DATE|1978"},
      {"It sold bonds due 1993 and warrants.", "1989-10-30", "1993|DATE|1993"},
      {"It signed a two-year contract.", "1989-10-30", "two-year|DURATION|P2Y"},
      {"Profits rose in the latest quarter.", "1989-11-02", "the latest quarter|DATE|1989-Q3"},
  });
}

TEST(TimeTagger, MonthAndDayTakeTheYearTheTenseAsks) {
  Check({
      {"Heavy clashes re-erupted on September 27.", "2020-10-03", "September 27|DATE|2020-09-27"},
      {"Armenia held an election on September 9.", "2023-09-20", "September 9|DATE|2023-09-09"},
      {"Fighting broke out on December 30.", "2024-01-03", "December 30|DATE|2023-12-30"},
      {"The summit will open on January 4.", "2023-12-28", "January 4|DATE|2024-01-04"},
      {"A ceasefire was announced on Wednesday, September 20.", "2023-09-20",
       "Wednesday, September 20|DATE|2023-09-20"},
      // A word in -ed is a past only when it is a lower-case verb: not "succeed", "Mohammed".
      {"Schwarz will succeed him on Feb. 1.", "1989-11-02", "Feb. 1|DATE|1990-02-01"},
      {"The talks will proceed on Jan. 4.", "2023-07-01", "Jan. 4|DATE|2024-01-04"},
      {"The envoy will meet Mohammed on Jan. 4.", "2023-07-01", "Jan. 4|DATE|2024-01-04"},
      {"The envoy arrived on Jan. 4.", "2023-07-01", "Jan. 4|DATE|2023-01-04"},
      // A named year after "of" is the date's own.
      {"The journey began on June 16th of last year.", "2016-10-02", "June 16th of last year|DATE|2015-06-16"},
      {"Leaders agreed on a plan by March of next year.", "2016-09-18", "March of next year|DATE|2017-03"},
      // A weekday that does not fit the year the tense picks names the year: an archive
      // page fetched later, a story from the year before. Past tense looks back only.
      {"A girl was shot and killed Tuesday, Jan. 27, at home.", "2016-01-15", "Tuesday, Jan. 27|DATE|2015-01-27"},
      // A date in brackets after a weekday is its day, where it falls on that weekday.
      {"The shooting happened Thursday night (February 28th) near the park.", "2013-03-14",
       "Thursday night|TIME|2013-02-28TNI; February 28th|DATE|2013-02-28"},
      {"The attack happened on Thursday (Feb. 27) near the park.", "2013-03-14",
       "Thursday|DATE|2013-03-14; Feb. 27|DATE|2013-02-27"},
      {"He died Sunday, Dec. 25, after being shot.", "2016-01-15", "Sunday, Dec. 25|DATE|2011-12-25"},
      {"Tryouts are on Friday, Feb. 22, and Monday, Feb. 25.", "2009-03-15",
       "Friday, Feb. 22|DATE|2008-02-22; Monday, Feb. 25|DATE|2008-02-25"},
      {"The hearing is set for Tuesday, Jan. 12.", "2016-01-05", "Tuesday, Jan. 12|DATE|2016-01-12"},
      {"The hearing will be held Thursday, Jan. 5.", "2016-01-05", "Thursday, Jan. 5|DATE|2017-01-05"},
      // a year stated is kept; a weekday fitting no year on the tense's side takes the year
      // before or after on the other side, and past those leaves the date
      {"He was shot on Saturday, Jan. 3, 2016.", "2016-01-05", "Saturday, Jan. 3, 2016|DATE|2016-01-03"},
      {"The first tryout will be held Monday, Feb. 18.", "2009-03-15", "Monday, Feb. 18|DATE|2008-02-18"},
      {"Ticket sales will begin Monday, March 28.", "2009-03-26", "Monday, March 28|DATE|2009-03-28"},
  });
}

TEST(TimeTagger, TheVerbGivesTheDirection) {
  Check({
      // A verb after a comma belongs to another clause when one stands before the expression.
      {"The rain should taper off Wednesday night, with another cold front arriving late Thursday, "
       "forecasters said.",
       "2009-03-31", "Wednesday night|TIME|2009-04-01TNI; late Thursday|DATE|2009-04-02"},
      {"On Sunday, police said two men were arrested.", "2009-03-31", "Sunday|DATE|2009-03-29"},
      // Before a weekday, a past verb beyond twelve words, across a long place, still counts;
      // a future one that far does not.
      {"The incident happened at Eagle Nation Cycles on Neenah's Main Street shortly before 9 a.m. Saturday.",
       "2016-01-15", "9 a.m. Saturday|TIME|2016-01-09T09:00"},
      {"Talks will take place at the Palace of Nations on the shore of Lake Geneva in the old city on Saturday.",
       "2016-01-15", "Saturday|DATE|2016-01-16"},
      // Short negations carry their verb's tense; "could not" reports what was not done; a
      // bare verb after a modal or "not" leaves the tense to it; a modal perfect looks back.
      {"Concerned that she wasn't answering her phone Saturday, her cousins, both from Vauxhall, N.J., had "
       "gone to check.",
       "2016-01-15", "Saturday|DATE|2016-01-09"},
      {"He won\u2019t attend on Saturday.", "2016-01-15", "Saturday|DATE|2016-01-16"},
      {"Police could not say Tuesday if the victim was a target.", "2015-12-07", "Tuesday|DATE|2015-12-01"},
      {"The talks could resume Tuesday.", "2015-12-07", "Tuesday|DATE|2015-12-08"},
      {"The officials will say Thursday whether the road reopens.", "2015-12-12", "Thursday|DATE|2015-12-17"},
      {"The path would have taken it across the bay region Sunday night, he said.", "2009-03-30",
       "Sunday night|TIME|2009-03-29TNI"},
      {"A man is recovering after being shot in Dayton early Sunday morning.", "2016-01-15",
       "early Sunday morning|TIME|2016-01-10TMO"},
      // A violent incident named just before a weekday was reported after it happened.
      {"The sheriff is investigating a shooting in Avondale Sunday.", "2016-01-15", "Sunday|DATE|2016-01-10"},
      {"Police are seeking a suspect in the robbery Friday of two men.", "2009-03-31", "Friday|DATE|2009-03-27"},
      {"The sheriff is investigating reports of looting Sunday.", "2016-01-15", "Sunday|DATE|2016-01-17"},
      // "soon after" says how close, not when.
      {"Authorities did say that soon after arriving at the condo Monday night, the scene was safe.", "2009-03-18",
       "Monday night|TIME|2009-03-16TNI"},
      {"Lows Tuesday night will be in the low 50s, followed by highs Wednesday in the upper 60s.", "2009-03-31",
       "Tuesday night|TIME|2009-03-31TNI; Wednesday|DATE|2009-04-01"},
      // A present copula before a weekday tells what is set to happen.
      {"The upcoming election is on Sunday.", "2016-01-13", "Sunday|DATE|2016-01-17"},
      {"The funeral is Monday; the wake was on Monday too.", "2016-01-13",
       "Monday|DATE|2016-01-18; Monday|DATE|2016-01-11"},
      // A capital inside a sentence is a name's, not a modal's: "May 3" is no "may".
      {"My son was murdered in May, May 3, and the crime rate has escalated.", "2016-01-15",
       "May|DATE|2015-05; May 3|DATE|2015-05-03"},
      {"On Friday, singer Will Jones toured the city.", "2016-01-14", "Friday|DATE|2016-01-08"},
      // "next to" and "next door" name a place, not the time to come.
      {"A bomb ripped through an office building next to the U.S. embassy in Nairobi Friday morning.", "1998-08-08",
       "Friday morning|TIME|1998-08-07TMO"},
      {"Police were at the scene next door Friday morning.", "1998-08-08", "Friday morning|TIME|1998-08-07TMO"},
      {"The summit will be held next to the lake Friday.", "1998-08-08", "Friday|DATE|1998-08-14"},
      // A phrase fronted before a comma takes the main clause's verb, however long the
      // phrases between.
      {"In May, her 18-year-old son, Khai Hebron, who had moved back home from college, was shot and killed.",
       "2016-01-15", "May|DATE|2015-05"},
      {"In December, after months of talks between the finance ministers of the two neighbouring states, a deal will "
       "be signed.",
       "2016-06-15", "December|DATE|2016-12"},
      // A participle standing for a clause marks no past.
      {"The committee is scheduled to do its work Thursday if needed.", "2009-03-24", "Thursday|DATE|2009-03-26"},
      {"The envoy is due to brief the full council of the regional bloc Thursday when asked.", "2009-03-24",
       "Thursday|DATE|2009-03-26"},
      // A past verb rules out a month still to come; a deadline may lie either side.
      {"The operator changed to a calendar year in December.", "1989-10-30", "December|DATE|1988-12"},
      {"Ottawa gave Merieux until mid-November to submit more information.", "1989-10-30", "mid-November|DATE|1989-11"},
      // An intent before "to" points forward; after the expression it is the act of saying.
      {"NATO has decided to admit Poland in early March.", "1989-10-30", "early March|DATE|1990-03"},
      {"The army agreed to withdraw by December.", "1989-10-30", "December|DATE|1989-12"},
      // Not before a noun phrase ("agreed to a ceasefire"), and a weekday is the day of the
      // main verb ("vowed to retaliate on Monday").
      {"Both sides agreed to talks in December.", "1989-10-30", "December|DATE|1988-12"},
      {"The two sides agreed to a ceasefire in December.", "1989-10-30", "December|DATE|1988-12"},
      {"The rebels agreed to withdraw on Tuesday.", "2023-09-20", "Tuesday|DATE|2023-09-19"},
      {"The army vowed to retaliate on Monday.", "2023-09-20", "Monday|DATE|2023-09-18"},
      {"President Clinton Saturday vowed to hunt down those responsible.", "1989-11-02", "Saturday|DATE|1989-10-28"},
      {"The summit is set for Washington in April.", "1989-10-30", "April|DATE|1990-04"},
      {"The company expects to release results in June.", "1989-10-30", "June|DATE|1990-06"},
      // "effective" looks forward; "through" like "until" leaves the direction open; a
      // word in -ed after a determiner is an adjective ("a still unspecified date").
      {"It created an office of the chairman, effective Feb. 1.", "1989-10-30", "Feb. 1|DATE|1990-02-01"},
      {"Its most effective raid on Tuesday destroyed a depot.", "2023-09-20", "Tuesday|DATE|2023-09-19"},
      {"The curfew is effective from Monday.", "2023-09-20", "Monday|DATE|2023-09-25"},
      {"The bank extended loans through January.", "1989-10-30", "January|DATE|1990-01"},
      // A deadline after a present or future verb lies ahead; after a past one, either side.
      {"The talks will continue until Monday.", "2023-11-15", "Monday|DATE|2023-11-20"},
      {"The curfew remains in place until Monday.", "2023-11-15", "Monday|DATE|2023-11-20"},
      {"The curfew lasted until Monday.", "2023-11-15", "Monday|DATE|2023-11-13"},
      {"Protesters kept going until 2 a.m. Friday.", "2016-09-25", "2 a.m. Friday|TIME|2016-09-23T02:00"},
      // A delay points ahead even after a past verb (a Thursday article); "likely to" is a
      // plan whatever the tense of "be"; "as planned" keeps a plan, the verb tells the time.
      {"Officials postponed until Tuesday morning any action on the request.", "2000-03-30",
       "Tuesday morning|TIME|2000-04-04TMO"},
      {"The court adjourned the hearing to Tuesday.", "2000-03-30", "Tuesday|DATE|2000-04-04"},
      {"The vote was pushed back to Tuesday.", "2000-03-30", "Tuesday|DATE|2000-04-04"},
      {"The vote took place on Tuesday.", "2000-03-30", "Tuesday|DATE|2000-03-28"},
      {"The minister is likely to visit Kabul on Monday.", "2000-03-30", "Monday|DATE|2000-04-03"},
      // The act charged was done; the charge still to come is the day's.
      {"A man is accused of firing a gun at a plow driver on Saturday.", "2016-01-15", "Saturday|DATE|2016-01-09"},
      {"He will be charged with murder on Saturday.", "2016-01-15", "Saturday|DATE|2016-01-16"},
      {"The attack was likely carried out on Monday.", "2000-03-30", "Monday|DATE|2000-03-27"},
      {"The offensive began as previously planned Saturday night.", "1991-02-25", "Saturday night|TIME|1991-02-23TNI"},
      {"They are going to meet on Friday.", "2016-09-25", "Friday|DATE|2016-09-30"},
      {"Officials said Wednesday that the talks would continue through the weekend.", "2023-11-15",
       "Wednesday|DATE|2023-11-15; the weekend|DATE|2023-W46-WE"},
      // On a Sunday, a deadline still lies in this weekend; a plan is for the next.
      {"Officials said a curfew would continue through the weekend.", "2016-09-25", "the weekend|DATE|2016-W38-WE"},
      {"The talks will resume at the weekend.", "2016-09-25", "the weekend|DATE|2016-W39-WE"},
      // "coming" and "upcoming": the first weekend not yet over.
      {"Protests are planned for the upcoming weekend.", "2023-09-20", "the upcoming weekend|DATE|2023-W38-WE"},
      {"Protests are planned for this coming weekend, not next weekend.", "2023-09-20",
       "this coming weekend|DATE|2023-W38-WE; next weekend|DATE|2023-W39-WE"},
      {"Talks are set for the upcoming month.", "2023-09-20", "the upcoming month|DATE|2023-10"},
      {"The dividend would be paid on a still unspecified date in January.", "1989-10-30", "January|DATE|1990-01"},
      // The present perfect tells of the past (a Wednesday article); a participle before
      // "for" or "to" is a plan ("has been moved to Thursday").
      {"A man has been arrested in the deadly shooting on Thursday.", "2015-12-30", "Thursday|DATE|2015-12-24"},
      {"Two soldiers have been killed in shelling on Thursday.", "2015-12-30", "Thursday|DATE|2015-12-24"},
      {"Police have already arrested two men over the raid on Thursday.", "2015-12-30", "Thursday|DATE|2015-12-24"},
      {"The vote has been moved to Thursday.", "2015-12-30", "Thursday|DATE|2015-12-31"},
      {"The hearing has been scheduled for Thursday.", "2015-12-30", "Thursday|DATE|2015-12-31"},
      // Short and irregular pasts the -ed rule misses ("died", "fled", "withdrew"); a
      // participle after "is" or "are" is the present ("is heard in May": the coming May).
      {"On 14 March, 40 people died.", "2023-11-15", "14 March|DATE|2023-03-14"},
      {"The militia withdrew from the town on 2 April.", "2023-11-15", "2 April|DATE|2023-04-02"},
      {"The case is heard in May.", "2000-01-15", "May|DATE|2000-05"},
      {"The case was heard in May.", "2000-01-15", "May|DATE|1999-05"},
      // "plan" is the noun unless "to" or "for" follows; "due to" before no verb is a cause;
      // "payable" looks ahead.
      {"The cabinet approved the peace plan on Monday.", "2023-11-15", "Monday|DATE|2023-11-13"},
      {"The council approved a plan in December.", "2023-11-15", "December|DATE|2022-12"},
      {"The army plans to attack on Monday.", "2023-11-15", "Monday|DATE|2023-11-20"},
      {"Two died due to wounds from shelling on Monday.", "2023-11-15", "Monday|DATE|2023-11-13"},
      {"The talks are due to resume on Monday.", "2023-11-15", "Monday|DATE|2023-11-20"},
      {"The company declared a dividend payable Feb. 1.", "1989-10-30", "Feb. 1|DATE|1990-02-01"},
      // "were to" and "was to" before a verb: a plan seen from the past, either side.
      {"If she were to win in November, she would sign it.", "2016-09-23", "November|DATE|2016-11"},
      {"The vote was to take place in October.", "2016-09-23", "October|DATE|2016-10"},
      {"The vote took place in October.", "2016-09-23", "October|DATE|2015-10"},
      // The publication's own weekday is that day, whatever the tense (TempEval-3: 141 of
      // 145); "next" moves it a week on.
      {"The talks will resume on Tuesday.", "2015-12-15", "Tuesday|DATE|2015-12-15"},
      {"The talks resumed on Tuesday.", "2015-12-15", "Tuesday|DATE|2015-12-15"},
      {"The talks will resume next Tuesday.", "2015-12-15", "next Tuesday|DATE|2015-12-22"},
      // A weekday's event ("Monday's debate") has mostly taken place, unless a future verb
      // says otherwise; also with a typographic apostrophe (a Friday article).
      {"The impact of Monday's debate is still small.", "2016-09-30", "Monday|DATE|2016-09-26"},
      {"He is raising questions about Monday\u2019s debate.", "2016-09-30", "Monday|DATE|2016-09-26"},
      {"Monday's debate will be the first of three.", "2016-09-30", "Monday|DATE|2016-10-03"},
      {"It is his effort to bounce back from Monday night's debate.", "2016-09-30", "Monday night|TIME|2016-09-26TNI"},
      // "would" after a statement's day: the weekday after that day, not after publication
      // (a Wednesday article).
      {"The government announced on Sunday that schools would reopen on Monday.", "2023-11-15",
       "Sunday|DATE|2023-11-12; Monday|DATE|2023-11-13"},
      {"The minister said on Monday he would meet his counterpart on Friday.", "2023-11-15",
       "Monday|DATE|2023-11-13; Friday|DATE|2023-11-17"},
      {"The government announced on Sunday that schools will reopen on Monday.", "2023-11-15",
       "Sunday|DATE|2023-11-12; Monday|DATE|2023-11-20"},
      {"The new round of talks would begin Monday, the mediator said.", "2023-11-15", "Monday|DATE|2023-11-20"},
      // A weekday of a named week (a Tuesday article), and the modifier after the weekday.
      {"The bill was tabled on Tuesday last week.", "2023-10-10", "Tuesday last week|DATE|2023-10-03"},
      {"Officials will meet on Thursday of this week.", "2023-10-10", "Thursday of this week|DATE|2023-10-12"},
      {"Police released video on Monday of last week's shooting.", "2016-09-20",
       "Monday|DATE|2016-09-19; last week|DATE|2016-W37"},
      {"Gunmen attacked the village on Monday last, residents said.", "2023-10-10", "Monday last|DATE|2023-10-09"},
      {"The protest is planned for Friday next.", "2023-10-10", "Friday next|DATE|2023-10-13"},
      {"The results came Monday last year.", "2023-10-10", "Monday|DATE|2023-10-09; last year|DATE|2022"},
      // The nth weekday or week of a month.
      {"The trial begins on the first Monday of December.", "2023-10-10",
       "the first Monday of December|DATE|2023-12-04"},
      {"The clocks changed on the last Sunday in March.", "2023-10-10", "the last Sunday in March|DATE|2023-03-26"},
      {"Elections will be held in the last week of January.", "2023-10-10", "the last week of January|DATE|2024-W04"},
      {"The attacks began in the second week of October 2022.", "2023-10-10",
       "the second week of October 2022|DATE|2022-W41"},
      {"The fifth Friday of February 2023 never came.", "2023-10-10",
       "Friday|DATE|2023-10-06; February 2023|DATE|2023-02"},
  });
}

TEST(TimeTagger, AModifierBeforeAMonthAndDayPointsTheWay) {
  Check({
      {"He was shot to death last Oct. 23 at his home.", "1999-04-08", "last Oct. 23|DATE|1998-10-23"},
      {"The vote is due next March 5.", "1999-04-08", "next March 5|DATE|2000-03-05"},
      {"The vote was held last April 2.", "1999-04-08", "last April 2|DATE|1999-04-02"},
  });
}

TEST(TimeTagger, AnaphoricDaysFollowTheLastDate) {
  Check({
      {"The attack came on October 5. The next day, talks began.", "2020-10-10",
       "October 5|DATE|2020-10-05; The next day|DATE|2020-10-06"},
      // A counted day with a month and day beside it is that date, whatever the last date was.
      {"Two days earlier, on Nov. 23, troops shelled the village.", "2016-01-05",
       "Two days earlier|DATE|2015-11-23; Nov. 23|DATE|2015-11-23"},
      {"The attack came on Dec. 1. The next day, Dec. 3, the army withdrew.", "2016-01-05",
       "Dec. 1|DATE|2015-12-01; The next day|DATE|2015-12-03; Dec. 3|DATE|2015-12-03"},
      // A date after "the day before / after" is the one counted from.
      {"The day before last Tuesday's hearing, he went to the house.", "2000-02-26",
       "The day before last Tuesday|DATE|2000-02-21"},
      {"Shelling resumed the day after Christmas.", "2023-12-30", "the day after Christmas|DATE|2023-12-26"},
      // Before an event, from the last date named; with none named, the event's day is unknown.
      {"The attack came on Monday. The day after the attack, troops moved in.", "2016-09-30",
       "Monday|DATE|2016-09-26; The day after|DATE|2016-09-27"},
      {"He complained about his microphone the morning after the debate.", "2016-09-30", ""},
      {"The attack came on October 5. Talks began the day after.", "2020-10-10",
       "October 5|DATE|2020-10-05; the day after|DATE|2020-10-06"},
      {"The attack came on October 5 and talks began the day after", "2020-10-10",
       "October 5|DATE|2020-10-05; the day after|DATE|2020-10-06"},
      {"Shelling resumed on the night of Christmas.", "2023-12-30", "the night of Christmas|DATE|2023-12-25"},
      // A day number opening a range takes the month and year of the date closing it.
      {"Clashes erupted on the night of 19-20 September.", "2023-09-21",
       "19|DATE|2023-09-19; 20 September|DATE|2023-09-20"},
      {"He was detained between 2 and 5 March.", "2023-09-21", "2|DATE|2023-03-02; 5 March|DATE|2023-03-05"},
      {"Fighting raged from 19 to 21 September 2022.", "2023-09-21",
       "19|DATE|2022-09-19; 21 September 2022|DATE|2022-09-21"},
      {"Police held 12 and 5 March was quiet.", "2023-09-21", "5 March|DATE|2023-03-05"},
      {"Clashes erupted on September 19-20.", "2023-09-21", "September 19|DATE|2023-09-19; 20|DATE|2023-09-20"},
      {"Fighting on September 19-20, 2022 killed 200.", "2023-09-21",
       "September 19|DATE|2022-09-19; 20, 2022|DATE|2022-09-20"},
      {"Fighting on September 19 killed 20 - 30 people.", "2023-09-21", "September 19|DATE|2023-09-19"},
      // A range of weekdays runs forward within a week (a Wednesday article): one still to
      // come keeps its opening day, any other its closing one.
      {"Talks will run from Monday to Friday.", "2023-09-20", "Monday|DATE|2023-09-25; Friday|DATE|2023-09-29"},
      {"The shelter opened Monday through Friday last week.", "2023-09-20",
       "Monday|DATE|2023-09-11; Friday last week|DATE|2023-09-15"},
      {"The trial ran from Tuesday to Thursday.", "2023-09-20", "Tuesday|DATE|2023-09-12; Thursday|DATE|2023-09-14"},
      {"It rained Monday-Friday.", "2023-09-20", "Monday|DATE|2023-09-11; Friday|DATE|2023-09-15"},
      {"Fighting raged from Friday to Monday.", "2023-09-20", "Friday|DATE|2023-09-15; Monday|DATE|2023-09-18"},
      // no range: each day on its own
      {"Clashes on Tuesday and Thursday killed 20.", "2023-09-20", "Tuesday|DATE|2023-09-19; Thursday|DATE|2023-09-14"},
      // A day of the month alone: the month of the last date named, else the tense's.
      {"Fighting began on Sept. 10 and the army withdrew on the 14th.", "2023-09-20",
       "Sept. 10|DATE|2023-09-10; the 14th|DATE|2023-09-14"},
      {"Troops entered the town on the 14th, residents said.", "2023-09-20", "the 14th|DATE|2023-09-14"},
      {"Officials said today that troops entered the town on the 28th.", "2023-09-03",
       "today|DATE|2023-09-03; the 28th|DATE|2023-08-28"},
      {"Troops entered the town on the 24th, residents said.", "2023-09-20", "the 24th|DATE|2023-08-24"},
      {"The talks will resume on the 3rd.", "2023-09-20", "the 3rd|DATE|2023-10-03"},
      {"The 11th Circuit ruled on the 25th anniversary.", "2023-09-20", ""},
      {"The siege ended on the 5th day.", "2023-09-20", ""},
      // After a date and a comma, "the day before ..." describes that date.
      {"He was last seen Nov. 3, the day before police issued a warrant.", "1998-11-20",
       "Nov. 3|DATE|1998-11-03; the day before|DATE|1998-11-03"},
      {"Then, a week or so ago, the general chose the night.", "1991-02-25", "a week or so ago|DATE|1991-W08"},
  });
}

// A document whose sentences end at each ". ", tagged by Process as the pipeline does;
// its first `dateline` bytes are a dateline.
std::string TagSentences(const std::string& text, const std::string& published, size_t dateline = 0) {
  static const TimeTagger tagger;
  Document document("t", "t", SourceFormat::kJsonLines, text);
  document.metadata.published = published;
  if (dateline > 0) document.metadata.dateline_span = Span{0, static_cast<uint32_t>(dateline)};
  for (size_t begin = dateline; begin < text.size();) {
    size_t stop = text.find(". ", begin);
    const size_t end = stop == std::string::npos ? text.size() : stop + 1;
    document.sentences.push_back(Sentence{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}});
    begin = end + 1;
  }
  EXPECT_TRUE(tagger.Process(document).ok());
  std::string out;
  for (const TimeExpression& e : document.time_expressions) {
    if (!out.empty()) out += "; ";
    out += std::string(e.span.Of(text)) + "|" + e.value;
  }
  return out;
}

// A range of clock times: the opening time takes the closing one's day and, where it
// states none, its half of the day; a closing time earlier than the opening one on the
// same day, its day unnamed, is the next day's.
TEST(TimeTagger, ARangeOfClockTimesSharesItsDay) {
  Check({
      {"Shelling continued from 11 a.m. to 1 p.m. on Tuesday.", "2023-09-20",
       "11 a.m.|TIME|2023-09-19T11:00; 1 p.m. on Tuesday|TIME|2023-09-19T13:00"},
      {"They were killed between 6:50 a.m. and 7:30 a.m. Wednesday.", "2009-03-30",
       "6:50 a.m.|TIME|2009-03-25T06:50; 7:30 a.m. Wednesday|TIME|2009-03-25T07:30"},
      {"The event is planned for 4:30-7:30 p.m. Thursday, April 2.", "2009-03-22",
       "4:30|TIME|2009-04-02T16:30; 7:30 p.m. Thursday, April 2|TIME|2009-04-02T19:30"},
      {"The curfew runs from 10 p.m. to 6 a.m.", "2023-09-20",
       "10 p.m.|TIME|2023-09-20T22:00; 6 a.m.|TIME|2023-09-21T06:00"},
      {"The sale runs from 9 a.m. to 2 p.m. at the station.", "2023-09-20",
       "9 a.m.|TIME|2023-09-20T09:00; 2 p.m.|TIME|2023-09-20T14:00"},
      // the weekday before a year-less date after the clock names the year, as before a date alone
      {"The girls died at 2:20 p.m. Thursday, Dec. 20.", "2016-01-15",
       "2:20 p.m. Thursday, Dec. 20|TIME|2012-12-20T14:20"},
  });
}

// A bare clock opening a sentence right before its first word stamps an update of a live
// report: publication's day. One after a preposition keeps the day the story named.
TEST(TimeTagger, AClockOpeningASentenceStampsAnUpdate) {
  EXPECT_EQ(TagSentences("The debate was on Monday. 6:05 pm Donald Trump is demanding a pledge. At 5:55 pm he spoke.",
                         "2016-09-30"),
            "Monday|2016-09-26; 6:05 pm|2016-09-30T18:05; 5:55 pm|2016-09-26T17:55");
}

// A dated dateline is the day the story was filed: relative days count from it when it
// lies in the week before publication (a republished or crawled story), else from
// publication.
TEST(TimeTagger, ADatedDatelineIsTheStorysDay) {
  const std::string story = "UNITED NATIONS, Nov. 9, 2023 \u2014 The assembly met today. It voted on Tuesday.";
  const size_t dateline = story.find("The");
  EXPECT_EQ(TagSentences(story, "2023-11-13", dateline),
            "Nov. 9, 2023|2023-11-09; today|2023-11-09; Tuesday|2023-11-07");
  EXPECT_EQ(TagSentences(story, "2023-11-09", dateline),
            "Nov. 9, 2023|2023-11-09; today|2023-11-09; Tuesday|2023-11-07");
  EXPECT_EQ(TagSentences(story, "2023-12-01", dateline),
            "Nov. 9, 2023|2023-11-09; today|2023-12-01; Tuesday|2023-11-28");
  const std::string wire = "MOSCOW, Oct 5 (Reuters) - Russia said on Thursday it had shot down drones.";
  EXPECT_EQ(TagSentences(wire, "2023-10-07", wire.find("Russia")), "Oct 5|2023-10-05; Thursday|2023-10-05");
}

TEST(TimeTagger, WeekdaysAndNightsCountedFromTheLastDayNamed) {
  Check({
      // A day in a chain of expressions shares the tense of the first ("will be").
      {"Visitation will be on Monday from 12 p.m. to 8 p.m. and on Tuesday from 9 a.m. until 2 p.m.", "2016-01-15",
       "Monday|DATE|2016-01-18; 12 p.m.|TIME|2016-01-18T12:00; 8 p.m.|TIME|2016-01-18T20:00; "
       "Tuesday|DATE|2016-01-19; 9 a.m.|TIME|2016-01-19T09:00; 2 p.m.|TIME|2016-01-19T14:00"},
      // A past event the day after another cannot follow publication: not the last date's.
      {"Sentencing is set for June 8. He came forward the day after Greene's death.", "2009-03-30",
       "June 8|DATE|2009-06-08"},
      // "the previous / following Friday": the one before or after the last date named.
      {"Shares closed lower on Oct. 27, down 4.5% from the previous Friday.", "1989-10-30",
       "Oct. 27|DATE|1989-10-27; the previous Friday|DATE|1989-10-20"},
      {"The talks opened on Sept. 5 and resumed the following Monday.", "2023-09-20",
       "Sept. 5|DATE|2023-09-05; the following Monday|DATE|2023-09-11"},
      {"He left on Monday, Sept. 11, and returned the following Monday.", "2023-09-20",
       "Monday, Sept. 11|DATE|2023-09-11; the following Monday|DATE|2023-09-18"},
      {"Prices fell from the preceding Tuesday.", "2023-09-20", "the preceding Tuesday|DATE|2023-09-19"},
  });
  Check({
      // Names and idioms: a capitalised word inside a sentence, "high noon", "quarter-".
      {"USA Today reported the strike.", "2023-09-20", ""},
      {"The minister told NBC's Today show he would stay.", "2023-09-20", ""},
      {"Baker said on ABC's \"This Week\" that talks failed.", "1990-08-20", ""},
      {"Talks Resume Today in Geneva", "2023-09-20", "Today|DATE|2023-09-20"},
      {"\"Today we mourn,\" he said.", "2023-09-20", "Today|DATE|2023-09-20"},
      {"For Poland, high noon comes today.", "1999-03-12", "today|DATE|1999-03-12"},
      {"The vote is at noon.", "1999-03-12", "noon|TIME|1999-03-12T12:00"},
      {"Unemployment is near its quarter-century low.", "1998-01-10", ""},
      {"The truce will last 72 hours.", "2023-09-20", "72 hours|DURATION|PT72H"},
      {"We need this truce to last beyond the weekend.", "2024-03-14", "the weekend|DATE|2024-W11-WE"},
      // An adjective's article stays with its noun; a noun's stays in the extent.
      {"The 44-day war in 2020 killed thousands.", "2023-09-20", "44-day|DURATION|P44D; 2020|DATE|2020"},
      // A count back from a named day: to a day.
      {"A week ago today, the dam burst.", "2023-09-20", "A week ago today|DATE|2023-09-13"},
      {"Two weeks ago Monday, the convoy was hit.", "2023-09-20", "Two weeks ago Monday|DATE|2023-09-04"},
      {"A year ago yesterday, the city fell.", "2023-09-20", "A year ago yesterday|DATE|2022-09-19"},
      // A length inside the capitalised name of a war is part of the name.
      {"He fought in the Six-Day War and the 44-day war.", "2023-09-20", "44-day|DURATION|P44D"},
      {"The Thirty Years' War ended in 1648; the Hundred Years War was longer.", "2023-09-20", "1648|DATE|1648"},
      {"They agreed on the two-week truce.", "2023-09-20", "two-week|DURATION|P2W"},
      {"In the nine months since, 300 died.", "2023-09-20", "the nine months|DURATION|P9M"},
      {"Fighting in the last 72 hours killed 20.", "2023-09-20", "the last 72 hours|DURATION|PT72H"},
      {"The quarter-to-quarter comparison improved.", "1989-10-30", ""},
  });
  // "overnight" right after a day named: the night before that day; further on, the night
  // before publication again.
  EXPECT_EQ(
      TagSentences("London shares closed lower Friday. They were hit by overnight losses in New York.", "1989-10-30"),
      "Friday|1989-10-27; overnight|1989-10-26TNI");
  EXPECT_EQ(TagSentences("Shares closed lower Friday. Trading was thin. Sellers returned. Drones struck overnight.",
                         "1989-10-30"),
            "Friday|1989-10-27; overnight|1989-10-29TNI");
  // A clock time without a day belongs to the last day of an event, not to the day a
  // statement was made ("police said on Monday"); with no other day named, to that one.
  EXPECT_EQ(TagSentences("Shells struck the village late on Sunday, police said on Monday. The firing started at "
                         "11 p.m.",
                         "2024-06-03"),
            "Sunday|2024-06-02; Monday|2024-06-03; 11 p.m.|2024-06-02T23:00");
  {
    static const TimeTagger tagger;
    std::vector<TimeExpression> said = tagger.Tag("Shells fell on Sunday, police said on Monday.", "2024-06-04");
    ASSERT_EQ(said.size(), 2u);
    EXPECT_FALSE(said[0].statement);
    EXPECT_TRUE(said[1].statement);  // the day of the statement, not of the shelling
    EXPECT_TRUE(tagger.Tag("The army announced Tuesday that it would withdraw.", "2024-06-04").at(0).statement);
    // A year or a month is no day of a statement.
    EXPECT_FALSE(tagger.Tag("The ministry said last year that it would withdraw.", "2024-06-04").at(0).statement);
  }
  // An event long before the statement is no longer the day the text is about.
  EXPECT_EQ(
      TagSentences("The war began on March 3, 2022. Officials said on Monday. The convoy left at 3 p.m.", "2024-06-04"),
      "March 3, 2022|2022-03-03; Monday|2024-06-03; 3 p.m.|2024-06-03T15:00");
  EXPECT_EQ(TagSentences("Police said on Monday that the firing started at 11 p.m.", "2024-06-04"),
            "Monday|2024-06-03; 11 p.m.|2024-06-03T23:00");
  EXPECT_EQ(
      TagSentences("Police said on Monday that shells fell on Sunday. The firing started at 11 p.m.", "2024-06-04"),
      "Monday|2024-06-03; Sunday|2024-06-02; 11 p.m.|2024-06-02T23:00");
}

TEST(TimeTagger, PartsOfAnAnaphoricDayAndCoordinatedDays) {
  Check({
      {"He was arrested on March 3 and appeared in court the next morning.", "2000-03-10",
       "March 3|DATE|2000-03-03; the next morning|TIME|2000-03-04TMO"},
      {"Rebels shelled the town on Friday. That night, the power failed.", "2023-09-20",
       "Friday|DATE|2023-09-15; That night|TIME|2023-09-15TNI"},
      {"The summit will be held on April 24 and 25.", "1999-03-12", "April 24|DATE|1999-04-24; 25|DATE|1999-04-25"},
      {"Voting took place on Sept. 19 or 20, 2021.", "2023-09-20",
       "Sept. 19|DATE|2021-09-19; 20, 2021|DATE|2021-09-20"},
      {"Convoys left on April 24 and 25 trucks followed.", "2023-09-20", "April 24|DATE|2023-04-24"},
      {"Clashes on October 14-15 left 12 dead.", "2023-11-15", "October 14|DATE|2023-10-14; 15|DATE|2023-10-15"},
      // A later day closing "between ... and" or "from ... to" is a day even before a word.
      {"Clashes between October 7 and 10 killed 40 people.", "2023-11-15",
       "October 7|DATE|2023-10-07; 10|DATE|2023-10-10"},
      {"Fighting from May 2 to 5 left 12 dead.", "2023-11-15", "May 2|DATE|2023-05-02; 5|DATE|2023-05-05"},
      // "9/11" names the day of the attacks, not inside a longer date.
      {"Security was tightened after the 9/11 attacks.", "2023-11-15", "9/11|DATE|2001-09-11"},
      {"It was the worst since 9/11, officials said.", "2023-11-15", "9/11|DATE|2001-09-11"},
      {"The form was dated 12/9/11 by the clerk.", "2023-11-15", ""},
  });
}

TEST(TimeTagger, PartsOfTheDayAndHoursInWords) {
  Check({
      {"By mid afternoon, the operation was over.", "1998-03-06", "mid afternoon|TIME|1998-03-06TAF"},
      {"Prices rose by mid-afternoon yesterday.", "1989-11-02", "mid-afternoon yesterday|TIME|1989-11-01TAF"},
      {"The evening news aired; he spent the night there.", "1998-03-06", ""},
      {"He will leave at 4 in the morning.", "2000-04-05", "4 in the morning|TIME|2000-04-05T04:00"},
      {"The bomb went off at 10 o'clock.", "1998-08-07", "10 o'clock|TIME|1998-08-07T10:00"},
      {"She called at 9 at night.", "1998-08-07", "9 at night|TIME|1998-08-07T21:00"},
      {"He was 4 in the standings.", "1998-08-07", ""},
      // A part of a day near publication after the hour gives its day and its half; a bare
      // hour needs a preposition.
      {"The plan must be ready by 6 o'clock this afternoon.", "2016-09-12",
       "6 o'clock this afternoon|TIME|2016-09-12T18:00"},
      {"The shelling began at 9 last night.", "2016-09-12", "9 last night|TIME|2016-09-11T21:00"},
      {"The blast came at 11:30 last night.", "2016-09-12", "11:30 last night|TIME|2016-09-11T23:30"},
      {"The blast came at 2 last night.", "2016-09-12", "2 last night|TIME|2016-09-12T02:00"},
      {"He left at 10 yesterday evening.", "2016-09-12", "10 yesterday evening|TIME|2016-09-11T22:00"},
      {"The curfew starts at midnight tonight.", "2016-09-12", "midnight tonight|TIME|2016-09-12T24:00"},
      {"The blast came at 11 p.m. last night.", "2016-09-12", "11 p.m. last night|TIME|2016-09-11T23:00"},
      {"The attack came at 10 o'clock on Tuesday night.", "2016-09-12",
       "10 o'clock on Tuesday night|TIME|2016-09-06T22:00"},
      {"The toll rose to 6 this morning.", "2016-09-12", "this morning|TIME|2016-09-12TMO"},
      // The typographic apostrophe reads as the straight one.
      {"It happened at 5 o\u2019clock.", "1998-08-07", "5 o\u2019clock|TIME|1998-08-07T05:00"},
      // Minutes too take the part of the day after them.
      {"The strike came at around 4:30 in the morning.", "2023-10-12", "4:30 in the morning|TIME|2023-10-12T04:30"},
      {"The blast came at 11:45 at night.", "2023-10-12", "11:45 at night|TIME|2023-10-12T23:45"},
      {"They met at 4:30 in the afternoon on Friday.", "2023-10-12",
       "4:30 in the afternoon on Friday|TIME|2023-10-06T16:30"},
      // The hour said with "half past", "quarter past", "quarter to".
      {"He arrived at half past nine.", "2023-10-12", "half past nine|TIME|2023-10-12T09:30"},
      {"They met at a quarter past 6 on Monday.", "2023-10-12", "a quarter past 6 on Monday|TIME|2023-10-09T06:15"},
      {"The curfew begins at quarter to ten tonight.", "2023-10-12", "quarter to ten tonight|TIME|2023-10-12T21:45"},
      {"The curfew begins at quarter to one in the morning.", "2023-10-12",
       "quarter to one in the morning|TIME|2023-10-12T00:45"},
      {"He won half the votes in the past.", "2023-10-12", "the past|DATE|PAST_REF"},
  });
}

TEST(TimeTagger, MonthsAsModifiersSeasonsAndTheYear) {
  Check({
      // A month before a noun or as a possessive; not before a function word.
      {"Police gathered evidence in the October slaying.", "1999-04-08", "October|DATE|1998-10"},
      {"A revision to December's figures was small.", "1998-01-10", "December|DATE|1997-12"},
      {"The March on Washington drew crowds.", "1999-04-08", ""},
      {"The bank is selling itself under a June agreement.", "1989-10-26", "June|DATE|1989-06"},
      {"Trump attacked rivals in an August speech.", "2016-09-29", "August|DATE|2016-08"},
      // Seasons: past tense takes the latest begun, future the next.
      {"Orders held up well into the summer.", "1989-10-26", "the summer|DATE|1989-SU"},
      // A season alone after a preposition, also with its edge; not a noun's modifier.
      {"The talks took place in late autumn.", "2023-11-15", "late autumn|DATE|2023-FA"},
      {"Troops must leave before winter.", "2023-11-15", "winter|DATE|2023-WI"},
      {"The offensive is expected before winter sets in.", "2023-11-15", ""},
      {"Talks will resume in the spring.", "1989-10-26", "the spring|DATE|1990-SP"},
      {"Costs rose this past spring.", "1989-10-26", "this past spring|DATE|1989-SP"},
      {"The fall of Kabul shocked the world; the fall in prices did not.", "2021-09-01", ""},
      // The year of publication; the twelve months to a date.
      {"Sales for the full year rose 13%.", "1989-10-26", "the full year|DATE|1989"},
      {"It lost $5 million in the year ended June 30.", "1989-10-26", "the year|DURATION|P1Y; June 30|DATE|1989-06-30"},
      {"Net income will fall in the current fiscal year.", "1989-10-26", "the current fiscal year|DATE|1989"},
      // The end of a period; year-end.
      {"The deal should close by the end of the year.", "1989-10-26", "the end of the year|DATE|1989"},
      {"Troops are to arrive by the end of next month.", "1990-08-16", "the end of next month|DATE|1990-09"},
      {"The sale will be completed by year-end.", "1989-10-26", "year-end|DATE|1989"},
      {"The index has risen 20% since year-end.", "1989-10-26", "year-end|DATE|1988"},
      // "future" as a noun, not as a modifier.
      {"Officials debated Elian's future in Miami.", "2000-01-07", "future|DATE|FUTURE_REF"},
      {"Ricketts helped fund Future45, a super PAC.", "2016-09-22", ""},
      {"The Future Movement said its members would boycott the vote.", "2016-09-22", ""},
      {"Reserves cover future payments for the foreseeable future.", "1989-10-26", ""},
  });
}

TEST(TimeTagger, VaguePluralsCenturiesAndMoreUnits) {
  Check({
      {"Talks may resume in the coming weeks.", "2023-09-20", "the coming weeks|DURATION|PXW"},
      {"Orangemen march each July; farmers move every summer.", "1998-03-05",
       "each July|SET|XXXX-07; every summer|SET|XXXX-SU"},
      {"Prices doubled over the past year.", "1998-03-05", "the past year|DATE|1997"},
      {"Prices doubled over the past decade.", "1998-03-05", "the past decade|DURATION|P10Y"},
      {"Thousands fled over the past fortnight.", "2023-11-15", "the past fortnight|DURATION|P2W"},
      {"Aid should arrive within the next fortnight.", "2023-11-15", "the next fortnight|DURATION|P2W"},
      {"The economy will slow in coming months.", "1998-01-10", "coming months|DURATION|PXM"},
      {"The days ahead will be hard; over the years, they fought.", "2023-09-20",
       "The days ahead|DURATION|PXD; the years|DURATION|PXY"},
      {"The coming elections matter.", "2023-09-20", ""},
      {"He will stay for at least two more weeks.", "2000-03-30", "at least two more weeks|DURATION|P2W"},
      {"The loan may be extended for an additional year.", "1989-10-26", "an additional year|DURATION|P1Y"},
      {"Two more people died.", "2023-09-20", ""},
      {"Mines lie near the 11th century temple.", "1998-03-05", "11th century|DATE|10"},
      {"It was the bloodiest war of the twentieth century.", "1998-03-05", "the twentieth century|DATE|19"},
      {"Talks are set to resume Monday in Belfast.", "1998-03-19", "Monday|DATE|1998-03-23"},
      // The verb before an adjunct of time counts more than a participle after it.
      {"Qantas will double its flights by August in the search for new markets untouched by the crisis.", "1998-02-20",
       "August|DATE|1998-08"},
  });
}

TEST(TimeTagger, AnaphoricYearsFollowTheLastDate) {
  Check({
      {"She left Cuba in 1995 and returned later that year.", "2000-01-07",
       "1995|DATE|1995; later that year|DATE|1995"},
      {"The plant opened in 1994; the following year it closed.", "2000-01-07",
       "1994|DATE|1994; the following year|DATE|1995"},
      {"Imports rose that year.", "1989-10-30", "that year|DATE|1989"},
      {"The board met in March 1989. The following month, the company was put up for sale.", "1989-11-01",
       "March 1989|DATE|1989-03; The following month|DATE|1989-04"},
      {"Rebels took the town on May 3, 2022. The previous week, they had shelled it.", "2023-09-20",
       "May 3, 2022|DATE|2022-05-03; The previous week|DATE|2022-W17"},
      // "the week before" or "the month after" closing a clause: next to the last date's;
      // before an event ("the week before the vote") none.
      // A month before another with a year takes that year ("October and November 2022").
      {"Elections were held in October and November 2022.", "2023-11-15",
       "October|DATE|2022-10; November 2022|DATE|2022-11"},
      {"The rains last from December to February 2023.", "2023-11-15",
       "December|DATE|2022-12; February 2023|DATE|2023-02"},
      {"Rebels took the town on May 3, 2022. The week before, they had shelled it.", "2023-09-20",
       "May 3, 2022|DATE|2022-05-03; The week before|DATE|2022-W17"},
      {"Rebels took the town on May 3, 2022. The month after, they left.", "2023-09-20",
       "May 3, 2022|DATE|2022-05-03; The month after|DATE|2022-06"},
      {"The week before the vote, rebels attacked.", "2023-09-20", ""},
      {"Hearings are set for the week of March 6.", "2000-02-20", "the week of March 6|DATE|2000-W10"},
      {"The festival takes place the weekend of October 7-8 in the park.", "2023-09-20",
       "the weekend of October 7|DATE|2023-W40-WE; 8|DATE|2023-10-08"},
      {"Sales fell to $300 million last year from $450 million the year before.", "1998-03-05",
       "last year|DATE|1997; the year before|DATE|1996"},
      // "a month later", "two years earlier" count from the last month or year named.
      {"The envoy came in December 2011; McConnell followed a month later.", "2016-09-16",
       "December 2011|DATE|2011-12; a month later|DATE|2012-01"},
      {"The war began in 2014. Two years later, the deal was signed.", "2016-09-16",
       "2014|DATE|2014; Two years later|DATE|2016"},
      {"The town was shelled on Oct. 12. Three days later, it fell.", "2023-10-20",
       "Oct. 12|DATE|2023-10-12; Three days later|DATE|2023-10-15"},
      // Later than an event whose day is not known: the length alone, "later" left out.
      {"Rebels took the airport. Three days later, the town fell.", "2023-10-20", "Three days|DURATION|P3D"},
      {"Congress cut the funding two years later.", "2016-09-28", "two years|DURATION|P2Y"},
      {"A few days later, the firm announced lower earnings.", "1989-10-27", "A few days|DURATION|PXD"},
      {"He was released an hour later.", "2023-10-20", "an hour|DURATION|PT1H"},
      // Counted on from publication's own day, "later" would lie ahead of the story.
      {"In 1989, she was killed. Today, guns are everywhere. Six years later, I covered another killing.", "2016-01-15",
       "1989|DATE|1989; Today|DATE|2016-01-15; Six years|DURATION|P6Y"},
      {"Two and a half years later, he returned.", "2016-01-15", "Two and a half years|DURATION|P2Y6M"},
      // Earlier than publication is still a day before it.
      {"Two days earlier, rebels took the airport.", "2023-10-20", "Two days earlier|DATE|2023-10-18"},
  });
}

TEST(TimeTagger, DurationsAndSets) {
  Check({
      // "one day" after a modal is some time to come.
      {"Islam will one day be the second largest religion.", "1998-03-05", "one day|DATE|FUTURE_REF"},
      // Opening hours ("open" and a range of weekdays): weekdays and clock times no date fixes
      // recur; a day named keeps its date, and so does its clock time. Days that happened
      // stay days.
      {"The gallery is open from 10 a.m.-4 p.m. Monday-Saturday and noon to 9 p.m. Sunday.", "2009-03-23",
       "10 a.m.|SET|XXXX-XX-XXT10:00; 4 p.m. Monday|SET|XXXX-WXX-1T16:00; Saturday|SET|XXXX-WXX-6; "
       "noon|SET|XXXX-XX-XXT12:00; 9 p.m. Sunday|SET|XXXX-WXX-7T21:00"},
      {"The library is open Monday through Thursday, and on Saturday, March 21 from 9 a.m.", "2009-03-20",
       "Monday|SET|XXXX-WXX-1; Thursday|SET|XXXX-WXX-4; Saturday, March 21|DATE|2009-03-21; "
       "9 a.m.|TIME|2009-03-21T09:00"},
      {"Early voting, which ran from Monday through Saturday, drew 500 people.", "2009-03-29",
       "Monday|DATE|2009-03-23; Saturday|DATE|2009-03-28"},
      {"The strike was reduced to one day.", "1998-03-05", "one day|DURATION|P1D"},
      {"The siege lasted six days.", "2023-09-20", "six days|DURATION|P6D"},
      {"After a 16-hour journey they arrived.", "2023-09-20", "16-hour|DURATION|PT16H"},
      {"Talks went on for months.", "2023-09-20", "months|DURATION|PXM"},
      {"It was the heaviest shelling in weeks.", "2023-09-20", "weeks|DURATION|PXW"},
      {"The first such visit in decades took place.", "2023-09-20", "decades|DURATION|PXDE"},
      {"It was common in days of old.", "2023-09-20", ""},
      {"The fighting lasted two weeks.", "2023-09-20", "two weeks|DURATION|P2W"},
      // Halves and parts of a century.
      {"He waited half an hour, then two and a half years.", "2023-09-20",
       "half an hour|DURATION|PT30M; two and a half years|DURATION|P2Y6M"},
      {"It was the first time in half a century; for half a day they waited.", "2023-09-20",
       "half a century|DURATION|P50Y; half a day|DURATION|PT12H"},
      {"It was the worst in a quarter-century.", "2023-09-20", "a quarter-century|DURATION|P25Y"},
      {"I reported on it over the last quarter-century and the past half-century.", "2023-09-20",
       "the last quarter-century|DURATION|P25Y; the past half-century|DURATION|P50Y"},
      {"Three and a half years ago he left.", "2016-01-15", "Three and a half years ago|DATE|2012"},
      // "back" after a count and a unit is "ago" (Indian and Nigerian English); not before "to".
      {"Three years back, the village was attacked; he came a week back.", "2023-09-20",
       "Three years back|DATE|2020; a week back|DATE|2023-W37"},
      {"They moved the vote two weeks back to March.", "2023-09-20", "two weeks|DURATION|P2W"},
      {"I met him the other day; patrols pass every other day.", "2023-09-20",
       "the other day|DATE|PAST_REF; every other day|SET|P2D"},
      {"The summer 2022 counteroffensive retook Kharkiv.", "2023-09-20", "summer 2022|DATE|2022-SU"},
      {"The summit is planned for the first half of next year.", "2023-09-20",
       "the first half of next year|DATE|2024-H1"},
      // A kind of day or year between count and unit stays inside.
      {"Eight trading days after Oct. 12, the index fell.", "1989-11-01",
       "Eight trading days|DURATION|P8D; Oct. 12|DATE|1989-10-12"},
      {"The strike lasted three consecutive days.", "2023-09-20", "three consecutive days|DURATION|P3D"},
      {"They changed from a fiscal year to a calendar year.", "2023-09-20", ""},
      {"Patrols run every week.", "2023-09-20", "every week|SET|P1W"},
      {"Convoys leave each day.", "2023-09-20", "each day|SET|P1D"},
      {"Patrols run every two weeks.", "2023-09-20", "every two weeks|SET|P2W"},
      // A rate with "once", "twice" or "N times" is a set; "once a year ago" is not.
      {"Aid trucks arrive twice a week.", "2023-09-20", "twice a week|SET|P1W"},
      {"The drug is taken three times a day.", "2023-09-20", "three times a day|SET|P1D"},
      {"She was there once a year ago.", "2023-09-20", "a year ago|DATE|2022"},
      // A weekday in the plural, or with a part of the day in the plural, is a set.
      {"Prayers are held on Fridays.", "2023-09-20", "Fridays|SET|XXXX-WXX-5"},
      {"Flights leave on Monday and Tuesday nights.", "2023-09-20",
       "Monday|SET|XXXX-WXX-1TNI; Tuesday nights|SET|XXXX-WXX-2TNI"},
      {"On Friday night, rebels attacked.", "2023-09-20", "Friday night|TIME|2023-09-15TNI"},
      // An adjective or adverb of frequency is a set; "daily" as a paper's noun is not.
      {"The daily newspaper reported it.", "2023-09-20", "daily|SET|P1D"},
      {"Rallies are held almost daily.", "2023-09-20", "daily|SET|P1D"},
      {"In his weekly address he spoke of peace.", "2023-09-20", "weekly|SET|P1W"},
      {"The party daily Tribuna reported it.", "2023-09-20", ""},
      // Halves: in the next smaller unit.
      {"The talks lasted 5 1/2 hours.", "2023-09-20", "5 1/2 hours|DURATION|PT5H30M"},
      {"He spent 2 1/2 years in prison.", "2023-09-20", "2 1/2 years|DURATION|P2Y6M"},
      {"The meeting took an hour and a half.", "2023-09-20", "an hour and a half|DURATION|PT1H30M"},
      {"In the last twenty four hours prices fell.", "2023-09-20", "the last twenty four hours|DURATION|PT24H"},
      {"Attacks have grown in recent years.", "2023-09-20", "recent years|DURATION|PXY"},
  });
}

TEST(TimeTagger, QuartersOfTheYear) {
  // A financial report of 1989-11-02: the third quarter is the last complete one.
  Check({
      {"Profit fell in the 1988 second quarter.", "1989-11-02", "the 1988 second quarter|DATE|1988-Q2"},
      {"Sales rose in this year's third quarter.", "1989-11-02", "this year's third quarter|DATE|1989-Q3"},
      {"Sales will rise in next year's first quarter.", "1989-11-02", "next year's first quarter|DATE|1990-Q1"},
      {"Profit fell in the third quarter of 1984.", "1989-11-02", "the third quarter of 1984|DATE|1984-Q3"},
      {"Losses grew in the fiscal first quarter.", "1989-11-02", "the fiscal first quarter|DATE|1989-Q1"},
      // Later references take the quarter in view, a year back where they say so.
      {"Profit fell in the second quarter. The quarter was weak, as was the 1988 period.", "1989-11-02",
       "the second quarter|DATE|1989-Q2; The quarter|DATE|1989-Q2; the 1988 period|DATE|1988-Q2"},
      {"Net rose in the third quarter from a year ago. A year ago it had also risen.", "1989-11-02",
       "the third quarter|DATE|1989-Q3; a year ago|DATE|1988-Q3; A year ago|DATE|1988-Q3"},
      {"Net rose from a year-earlier $5 million.", "1989-11-02", "year-earlier|DATE|1988"},
      // A quarter still to come in a forecast is not the one results compare with; a past
      // fiscal quarter not yet over on the calendar is.
      {"Net fell in the third quarter. Analysts expect the slump to continue through the third quarter of 1990. "
       "In the year-ago period, it earned more.",
       "1989-10-26",
       "the third quarter|DATE|1989-Q3; the third quarter of 1990|DATE|1990-Q3; the year-ago period|DATE|1988-Q3"},
      {"It reported a decline in fourth-quarter earnings. It earned more a year earlier.", "1989-11-02",
       "fourth-quarter|DATE|1989-Q4; a year earlier|DATE|1988-Q4"},
  });
}

TEST(TimeTagger, ALocalTimeCountedFromUniversalTimeNamesItsAnchor) {
  static const TimeTagger tagger;
  std::vector<TimeExpression> found = tagger.Tag("The attack began at 2 am (2300 GMT Monday).", "2023-09-20");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "2023-09-19T02:00");
  EXPECT_EQ(found[0].anchor, "2023-09-18T23:00 (universal time)");
}

TEST(TimeTagger, AQuarterWithAStatedYearHasNoAnchor) {
  static const TimeTagger tagger;
  std::vector<TimeExpression> found =
      tagger.Tag("Profit fell in the latest quarter, as in the third quarter of 1990.", "1989-11-02");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "1989-Q3");
  EXPECT_EQ(found[0].anchor, "1989-11-02 (published)");
  EXPECT_EQ(found[1].value, "1990-Q3");
  EXPECT_EQ(found[1].anchor, "");
}

TEST(TimeTagger, YearsInWordsHolidaysAndClockTimesWithDates) {
  Check({
      {"It was founded in nineteen ninety-six.", "1998-03-05", "nineteen ninety-six|DATE|1996"},
      {"The plan for the year two thousand failed.", "1998-03-05", "the year two thousand|DATE|2000"},
      {"January nineteen ninety-seven. A bomb went off.", "1998-03-05", "January nineteen ninety-seven|DATE|1997-01"},
      {"Sales were flat in the nineties.", "1998-03-05", "the nineties|DATE|199"},
      {"Two thousand people marched.", "1998-03-05", ""},
      {"The boy was found on Thanksgiving Day.", "2000-01-07", "Thanksgiving Day|DATE|1999-11-25"},
      {"He was rescued last Thanksgiving after a wreck.", "2000-01-07", "last Thanksgiving|DATE|1999-11-25"},
      // The United States' Election Day: the Tuesday after the first Monday of November
      // (never November 1).
      {"It will be a theme from now to Election Day.", "1998-10-25",
       "now|DATE|PRESENT_REF; Election Day|DATE|1998-11-03"},
      {"Voters went to the polls on Election Day.", "2023-11-15", "Election Day|DATE|2023-11-07"},
      {"Polls open on Election Day.", "2022-10-01", "Election Day|DATE|2022-11-08"},
      {"The talks will resume after Easter.", "2024-02-10", "Easter|DATE|2024-03-31"},
      // The Orthodox Easter by the Julian computus; the Eids by the arithmetical Islamic
      // calendar (a day off the observed one at times: Eid al-Fitr 2024 was 10 April).
      {"Russia declared an Orthodox Easter truce.", "2023-09-20", "Orthodox Easter|DATE|2023-04-16"},
      {"A ceasefire is planned over Orthodox Easter.", "2024-02-10", "Orthodox Easter|DATE|2024-05-05"},
      {"A truce was declared for Eid al-Fitr.", "2023-09-20", "Eid al-Fitr|DATE|2023-04-21"},
      {"Clashes erupted on Eid-al-Adha.", "2023-09-20", "Eid-al-Adha|DATE|2023-06-28"},
      {"They will meet after Eid al-Fitr.", "2019-05-20", "Eid al-Fitr|DATE|2019-06-04"},
      {"Pilgrims gathered on Ashura.", "2023-09-20", "Ashura|DATE|2023-07-27"},  // observed: 28 July
      // Jewish holidays from the Hebrew calendar's new year (Simchat Torah as kept in Israel).
      {"Hamas attacked on Simchat Torah.", "2023-12-20", "Simchat Torah|DATE|2023-10-07"},
      {"Talks resumed after Yom Kippur.", "2023-12-20", "Yom Kippur|DATE|2023-09-25"},
      {"Sirens sounded on Rosh Hashanah.", "2023-12-20", "Rosh Hashanah|DATE|2023-09-16"},
      {"Families will gather for Passover.", "2024-03-01", "Passover|DATE|2024-04-23"},
      {"The ceasefire ended before Hanukkah.", "2016-12-28", "Hanukkah|DATE|2016-12-25"},
      {"The ceasefire ended before Hanukkah.", "2023-12-20", "Hanukkah|DATE|2023-12-08"},
      // a war or a treaty named after a holiday is no date
      {"The Yom Kippur War began in 1973, long before the talks.", "2023-12-20", "1973|DATE|1973"},
      {"The parties signed the Good Friday Agreement after long talks in Belfast.", "2023-12-20", ""},
      {"Crowds gathered on Good Friday in the old city.", "2023-12-20", "Good Friday|DATE|2023-04-07"},
      {"Stores sold Christmas trees.", "2023-12-01", ""},
      {"The navy sent a ship to Christmas Island to pick up the refugees.", "2023-12-01", ""},
      {"The truce began on New Year\u2019s Day.", "2024-02-10", "New Year\u2019s Day|DATE|2024-01-01"},
      {"It recalled the army\u2019s 2014 offensive.", "2024-02-10", "2014|DATE|2014"},
      {"The offer expires at 5 p.m. EST, Nov. 6.", "1989-10-30", "5 p.m. EST, Nov. 6|TIME|1989-11-06T17:00"},
      {"Published 2:35 PM EST, Tue November 14, 2023", "2023-11-15",
       "2:35 PM EST, Tue November 14, 2023|TIME|2023-11-14T14:35"},
      {"Talks start at 10:00, Tuesday, 21 November.", "2023-11-15",
       "10:00, Tuesday, 21 November|TIME|2023-11-21T10:00"},
  });
}

TEST(TimeTagger, NumbersThatAreNotTimes) {
  Check({
      {"At least 27 people were killed and 200 wounded.", "2023-09-20", ""},
      {"Over 1,000 people died; 2,000 troops were deployed.", "2023-09-20", ""},
      {"The council passed Resolution 2334 without a vote.", "2023-09-20", ""},
      {"Two F-16 jets and a MiG 2000 flew over.", "2023-09-20", ""},
      // A month before a capitalised word that names no time is a first name.
      {"The relationship between April Ransom and Joseph Cormier is unknown.", "2016-01-15", ""},
      {"She met April Ransom in May.", "2016-01-15", "May|DATE|2015-05"},
      // Codes and web addresses hold no time; a date glued to one still counts.
      {"See pic.twitter.com/P2qpm3h3Pm and code A3pm.", "2023-09-20", ""},
      {"Read example.com/2016/09/28/story-at-3pm or https://x.org/2012-08-07/fire on FOX6Now.com.", "2023-09-20", ""},
      {"Coming September 30th.https://t.co/hbaWqfjJcp", "2023-09-20", "September 30th|DATE|2023-09-30"},
      {"Attacks hit IE9 September 17, 2013 03:16 PM ET.", "2023-09-20",
       "September 17, 2013 03:16 PM ET|TIME|2013-09-17T15:16"},
      {"CBS Dallas / Fort Worth7:15 PM Update: she has died.", "2023-09-20", "7:15 PM|TIME|2023-09-20T19:15"},
      {"The ban was lifted as of 9:45 a.m.In other action, they voted.", "2023-09-20",
       "9:45 a.m.|TIME|2023-09-20T09:45"},
      {"Call +374 10 123456 for help.", "2023-09-20", ""},
      {"The 44-year-old suspect fled.", "2023-09-20", ""},
      {"2000 people gathered outside.", "2023-09-20", ""},
      {"Aid costs $5 a day per person.", "2023-09-20", ""},
      {"Guards stood there 24 hours a day; it saves $2 million a year.", "2023-09-20", "24 hours|DURATION|PT24H"},
      {"Qantas runs four flights a week.", "2023-09-20", ""},
      {"The assault was the third in as many days; they waited for many days.", "2023-09-20", "many days|DURATION|PXD"},
      {"Iraq imports about three-quarters of its food.", "2023-09-20", ""},
      {"He said so on CBS's 60 Minutes program.", "2023-09-20", ""},
      {"Nov. 17 is the deadline, officials said.", "1989-11-02", "Nov. 17|DATE|1989-11-17"},
      {"A second round of talks is planned.", "2023-09-20", ""},
      {"The academy has twelve hundred students.", "1998-03-05", ""},
      {"He admitted a nineteen ninety-seven attack.", "1998-03-05", "nineteen ninety-seven|DATE|1997"},
      // A year before a noun that dates it, also with one word between; not before a
      // counted noun.
      {"He lost his unsuccessful 1996 campaign for re-election.", "1999-11-07", "1996|DATE|1996"},
      {"Analysts were predicting 1990 BellSouth earnings of $3.90 a share.", "1989-10-26", "1990|DATE|1990"},
      {"Prices fell after 2008 financial crisis ended.", "2023-09-20", "2008|DATE|2008"},
      {"Rebels carried out 1500 attacks across 1200 villages.", "2023-09-20", ""},
      {"Aid reached 1500 election workers; 1950 war veterans marched.", "2023-09-20", ""},
      // Telephone numbers and street addresses are no years.
      {"Call 815-748-2060, (510) 574-2091 or 510.574.2091 with tips.", "2016-01-15", ""},
      {"Police were called to the 2200 block of Batson Avenue.", "2016-01-15", ""},
      {"They met at the shopping center, 2115 Windsor Spring Road, and at 1935 Orchard St. in Alexandria.",
       "2016-01-15", ""},
      {"It was at City Hall, 1200 E. Broad St. and at Supply, 1501 Milton St. The man fled.", "2016-01-15", ""},
      {"Since 2017 N. Korea has tested missiles.", "2023-09-20", "2017|DATE|2017"},
      // Numbers after a word that makes them a code, a bill or an extension; measures and
      // codes written close up.
      {"Call Ext. 1223 at VFW Post No. 1922 about H.R. 1546 and SB 1070.", "2016-01-15", ""},
      {"He fell around 2000ft in a fault (CVE-2013-3893) found in 2013.", "2016-01-15", "2013|DATE|2013"},
      {"The talks began in 2019and ended soon.", "2023-09-20", "2019|DATE|2019"},  // glued in a scrape
      {"In 2014 St. Louis police shot him; the 1973 Supreme Court ruling stood.", "2016-01-15",
       "2014|DATE|2014; 1973|DATE|1973"},
      {"The war of 1990-2003 ended in 1990 Main Street style.", "2016-01-15", "1990|DATE|1990; 2003|DATE|2003"},
      // A year before a car maker's name is a model year; after a word that times it, a year.
      {"He fled in a gray 2013 Toyota Camry; Kopp's 1987 Chevrolet Cavalier and a 2014 black Chevrolet pickup "
       "were found, with the 2008 Ford Focus.",
       "2016-01-15", ""},
      {"In 2008 Ford lost money, and since 2010 Toyota has led; a 2013 Lexus of Japan was sold in 2013.", "2016-01-15",
       "2008|DATE|2008; 2010|DATE|2010; 2013|DATE|2013"},
      // A unit opening a compound is no length.
      {"He faced the two second-degree counts on a day-to-day basis.", "2016-01-15", ""},
      {"Police believe 5 weekend robberies are connected.", "2016-01-15", ""},
  });
}

// Token soup from the words the rules look for, numbers of every shape, marks and broken
// UTF-8: whatever comes out lies inside the text, in order, without overlaps, and has a
// value.
TEST(TimeTagger, SinceOvernightHalvesAndDaysOfAnEvent) {
  Check({
      // "since" points back: the time has begun, whatever the tense around it.
      {"Since October 7, more than 1,200 people have been killed.", "2023-09-20", "October 7|DATE|2022-10-07"},
      {"Police have searched for him since shortly after the Oct. 23 shooting.", "1999-04-08",
       "Oct. 23|DATE|1998-10-23"},
      {"Aid has been blocked since the October 7 attack.", "2023-09-20", "October 7|DATE|2022-10-07"},
      {"The blockade, in place since December, has caused shortages.", "2023-09-20", "December|DATE|2022-12"},
      {"Prices have risen since early October.", "2023-09-20", "early October|DATE|2022-10"},
      {"Prices have risen since October.", "2023-11-20", "October|DATE|2023-10"},
      {"The attack on October 7 last year killed 1,200.", "2023-09-20", "October 7 last year|DATE|2022-10-07"},
      {"Talks on 5 March this year failed.", "2023-09-20", "5 March this year|DATE|2023-03-05"},
      // "ahead of" points forward.
      {"Troops massed ahead of Sunday's vote.", "2023-09-20", "Sunday|DATE|2023-09-24"},
      // "overnight": the night before publication; the coming one in a plan.
      {"Russian drones struck Kharkiv overnight, officials said.", "2023-09-20", "overnight|TIME|2023-09-19TNI"},
      {"The city will stay under curfew overnight.", "2023-09-20", "overnight|TIME|2023-09-20TNI"},
      {"The overnight rate rose.", "2023-09-20", ""},
      {"He became an overnight success.", "2023-09-20", ""},
      {"Attacks overnight Tuesday killed three.", "2023-09-20", "Tuesday|DATE|2023-09-19"},
      // "later in the day": the day last named.
      {"Troops entered on May 3. Later in the day, the UN called for calm.", "2023-09-20",
       "May 3|DATE|2023-05-03; the day|DATE|2023-05-03"},
      // "later in the week", "earlier in the month": that day's week or month.
      {"Rebels took the town on Oct. 3. Later in the week, they lost it.", "2023-11-15",
       "Oct. 3|DATE|2023-10-03; the week|DATE|2023-W40"},
      {"The ministry announced it earlier in the month.", "2023-11-15", "the month|DATE|2023-11"},
      {"Prices rose in the week.", "2023-11-15", ""},
      // A part of the day after "throughout", "into", "through": the day last named's.
      {"Troops entered on May 3 and the shelling lasted throughout the night.", "2023-09-20",
       "May 3|DATE|2023-05-03; the night|TIME|2023-05-03TNI"},
      {"Shelling continued into the evening.", "2023-09-20", "the evening|TIME|2023-09-20TEV"},
      // Halves and edges of a year.
      {"In the first half of 2023, 500 civilians died.", "2023-09-20", "the first half of 2023|DATE|2023-H1"},
      {"Sales fell in the last half of 1989.", "1990-01-10", "the last half of 1989|DATE|1989-H2"},
      {"It lasts through the first two quarters of 1990.", "1989-10-10", "the first two quarters of 1990|DATE|1990-H1"},
      {"In mid-2021, talks resumed.", "2023-09-20", "mid-2021|DATE|2021"},
      {"By late 2019 it was over.", "2023-09-20", "late 2019|DATE|2019"},
      // "the Nth day of" an event, said in the present: the day of publication.
      {"It's the second day of an offensive.", "1998-03-06", "the second day|DATE|1998-03-06"},
      {"Today marks the 100th day of the war.", "2023-09-20", "Today|DATE|2023-09-20; the 100th day|DATE|2023-09-20"},
      {"On the fourth day of the siege, troops entered.", "2023-09-20", ""},
      // Bounds on a quantity and the edge of a named day or period stay in the extent.
      {"The siege has lasted nearly two years.", "2023-09-20", "nearly two years|DURATION|P2Y"},
      {"Talks lasted at least 72 hours.", "2023-09-20", "at least 72 hours|DURATION|PT72H"},
      {"The truce held for no more than sixty days.", "2023-09-20", "no more than sixty days|DURATION|P60D"},
      {"It began more than four decades ago.", "2023-09-20", "more than four decades ago|DATE|198"},
      {"Elections are expected early next year.", "2023-09-20", "early next year|DATE|2024"},
      {"The army withdrew late yesterday.", "2023-09-20", "late yesterday|DATE|2023-09-19"},
      {"Earlier Sunday, protesters rallied.", "2023-09-20", "Earlier Sunday|DATE|2023-09-17"},
      {"Talks resume around Nov. 1.", "2023-09-20", "Nov. 1|DATE|2023-11-01"},
      {"Net rose in the nine months to June.", "2023-09-20", "the nine months|DURATION|P9M"},
      {"The company posted its fourth quarter profit.", "1989-11-02", "fourth quarter|DATE|1989-Q4"},
      {"The third-quarter loss widened.", "1989-11-02", "third-quarter|DATE|1989-Q3"},
      {"Sales fell in the third quarter.", "1989-11-02", "the third quarter|DATE|1989-Q3"},
      // Clock times as wire copy writes them, with the day after them.
      {"The strike hit at 0300 GMT on Friday.", "2023-09-20", "0300 GMT on Friday|TIME|2023-09-15T03:00"},
      {"The curfew starts at 2200 local time.", "2023-09-20", "2200 local time|TIME|2023-09-20T22:00"},
      {"It ended at 5.30pm.", "2023-09-20", "5.30pm|TIME|2023-09-20T17:30"},
      {"It cost 5.30 dollars at 2200 shops.", "2023-09-20", ""},
      {"The strike came at 14:30 local time on 3 March.", "2023-09-20",
       "14:30 local time on 3 March|TIME|2023-03-03T14:30"},
      {"They met a fortnight ago.", "2023-09-20", "a fortnight ago|DATE|2023-W36"},
      // "the night of" a day: the day.
      {"It happened on the night of 14 February.", "2023-09-20", "the night of 14 February|DATE|2023-02-14"},
      {"The raid came on the morning of Tuesday.", "2023-09-20", "the morning of Tuesday|DATE|2023-09-19"},
      {"Shelling began on 12 September and eased on the morning of the 13th.", "2023-09-20",
       "12 September|DATE|2023-09-12; the morning of the 13th|DATE|2023-09-13"},
      {"He was one of the 20.", "2023-09-20", ""},
      {"Orthodox Christmas passed quietly.", "2023-09-20", "Orthodox Christmas|DATE|2023-01-07"},
      // A full month name's period ends the sentence; an abbreviation keeps its own.
      {"It took place on 14 February.", "2023-09-20", "14 February|DATE|2023-02-14"},
      {"It took place on 14 Feb. in the north.", "2023-09-20", "14 Feb.|DATE|2023-02-14"},
      {"The report covered the period from January to June.", "2023-09-20", "January|DATE|2023-01; June|DATE|2023-06"},
      {"Prices rose in Oct. and fell in Nov. after that.", "2023-12-20", "Oct.|DATE|2023-10; Nov.|DATE|2023-11"},
  });
}

TEST(TimeTagger, TokenSoupGivesSpansInsideTheText) {
  static const TimeTagger tagger;
  const std::vector<std::string> words = {"the",
                                          "The",
                                          "end",
                                          "beginning",
                                          "o'clock",
                                          "in",
                                          "at",
                                          "night",
                                          "mid",
                                          "afternoon",
                                          "century",
                                          "20",
                                          "th",
                                          "more",
                                          "additional",
                                          "ahead",
                                          "coming",
                                          "following",
                                          "month",
                                          "full",
                                          "summer",
                                          "fall",
                                          "and",
                                          "or",
                                          "October",
                                          "future",
                                          "hundred",
                                          "twelve",
                                          "a",
                                          "year",
                                          "years",
                                          "'",
                                          "s",
                                          "-",
                                          "1/2",
                                          "1",
                                          "2",
                                          "/",
                                          "two",
                                          "thousand",
                                          "nineteen",
                                          "ninety",
                                          "Easter",
                                          "Christmas",
                                          "quarter",
                                          "of",
                                          "1988",
                                          "19999",
                                          "12:",
                                          "99:99",
                                          "10:35",
                                          "a.m.",
                                          "p",
                                          ".",
                                          "m",
                                          "EST",
                                          "last",
                                          "next",
                                          "this",
                                          "that",
                                          "its",
                                          "fiscal",
                                          "third",
                                          "Tuesday",
                                          "Sept.",
                                          "20",
                                          ",",
                                          "ago",
                                          "later",
                                          "earlier",
                                          "day",
                                          "week",
                                          "and",
                                          "half",
                                          "an",
                                          "hour",
                                          "daily",
                                          "Monday",
                                          "night",
                                          "early",
                                          "mid",
                                          "(",
                                          ")",
                                          "on",
                                          "in",
                                          "since",
                                          "\xC2\xA0",
                                          "\xE2\x80\x99",
                                          "\xFF",
                                          "\xE2",
                                          "123456789012",
                                          "nineties",
                                          "following",
                                          "same",
                                          "quarters",
                                          "every",
                                          "today",
                                          "May",
                                          "New",
                                          "Year",
                                          "Day",
                                          "Thanksgiving",
                                          "noon",
                                          "midnight",
                                          "overnight",
                                          "rate",
                                          "0300",
                                          "GMT",
                                          "local",
                                          "time",
                                          "5.30",
                                          "pm",
                                          "fortnight",
                                          "Orthodox",
                                          "is",
                                          "marks",
                                          "first",
                                          "second",
                                          "100",
                                          "0",
                                          "before",
                                          "after",
                                          "31",
                                          "st",
                                          "so",
                                          "until",
                                          "through",
                                          "agreed",
                                          "to",
                                          "due",
                                          "preceding",
                                          "previous",
                                          "Friday",
                                          "hrs",
                                          "hours",
                                          "0400",
                                          "high",
                                          "Today",
                                          "This",
                                          "Week",
                                          "quarter",
                                          "-",
                                          "2023/09/18",
                                          "2023.09",
                                          "last",
                                          "will"};
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int sentence = 0; sentence < 3000; ++sentence) {
    std::string text;
    int length = 1 + static_cast<int>(next() % 24);
    for (int w = 0; w < length; ++w) {
      if (next() % 3 != 0) text += ' ';
      text += words[next() % words.size()];
    }
    const char* published = sentence % 5 == 0 ? "" : "1989-11-02";
    std::vector<TimeExpression> found = tagger.Tag(text, published);
    uint32_t previous_end = 0;
    for (const TimeExpression& e : found) {
      ASSERT_LT(e.span.begin, e.span.end) << text;
      ASSERT_LE(e.span.end, text.size()) << text;
      ASSERT_GE(e.span.begin, previous_end) << text;
      EXPECT_FALSE(e.value.empty()) << text << " @ " << published << " -> [" << e.span.Of(text) << "]";
      previous_end = e.span.end;
    }
  }
}

TEST(TimeTagger, UnresolvedWithoutPublicationDate) {
  Check({
      {"It happened on Tuesday.", "", "Tuesday|DATE|XXXX-WXX-2"},
      {"Elections were held in October and November.", "", "October|DATE|XXXX-10; November|DATE|XXXX-11"},
      {"Output rose in Q3, two weeks from now.", "", "Q3|DATE|XXXX-Q3; two weeks from now|DATE|FUTURE_REF"},
      {"It happened on September 20.", "", "September 20|DATE|XXXX-09-20"},
      {"It happened on September 20, 2023.", "", "September 20, 2023|DATE|2023-09-20"},
      {"They met at Christmas.", "", "Christmas|DATE|XXXX-12-25"},
      {"Sales fell last year and last week.", "", "last year|DATE|XXXX; last week|DATE|XXXX-WXX"},
      {"Profit fell in the 1988 quarter.", "", "the 1988 quarter|DATE|1988-QX"},
      {"It rained yesterday.", "", "yesterday|DATE|XXXX-XX-XX"},
      // a range of clock times with no day to move
      {"The curfew runs from 11 p.m. to 1 a.m.", "", "11 p.m.|TIME|XXXX-XX-XXT23:00; 1 a.m.|TIME|XXXX-XX-XXT01:00"},
  });
}

// Numbers that look like clocks or years but are not, and texts that end in the middle
// of a pattern: no exception, no read past the tokens (the sanitizer build checks that),
// and the rest of the sentence still tagged.
TEST(TimeTagger, OddNumbersAndCutTextsAreReadSafely) {
  Check({
      {"The rally began at 6:00 p.m. local time (13.0 GMT) in the square.", "2023-09-20",
       "6:00 p.m. local time|TIME|2023-09-20T18:00"},
      {"It ran 99999999999999999999 days.", "2023-09-20", ""},
      {"The talks ended on Thursday (", "2023-09-20", "Thursday|DATE|2023-09-14"},
      {"The talks ended on Thursday (Sept.", "2023-09-20", "Thursday|DATE|2023-09-14"},
      {"Fighting resumed at 0300 GMT", "2023-09-20", "0300 GMT|TIME|2023-09-20T03:00"},
  });
  // Any prefix of a sentence rich in patterns tags without failing.
  const std::string text =
      "On Monday, Sept. 18, 2023, at 6:30 p.m. (1330 GMT) the third-quarter talks of the year-ago quarter "
      "resumed, two days later, between 2 and 5 March, from 10 p.m. to 6 a.m. Saturday (Oct. 7).";
  static const TimeTagger tagger;
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    EXPECT_NO_THROW(tagger.Tag(text.substr(0, cut), "2023-09-20")) << text.substr(0, cut);
  }
}

}  // namespace
}  // namespace casus
