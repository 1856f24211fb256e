// The gazetteer image compiled into the program: gazetteer_data.S includes the file that
// casus_gazetteer_compile wrote, between two symbols. Kept apart from gazetteer.cc so that
// the compiler itself, which needs NameKey, does not need the image it makes.
#include "casus/lexicon/gazetteer.h"

extern "C" const char casus_gazetteer_image_begin[];
extern "C" const char casus_gazetteer_image_end[];

namespace casus::lexicon {

const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer builtin = [] {
    const std::string_view image(casus_gazetteer_image_begin,
                                 static_cast<size_t>(casus_gazetteer_image_end - casus_gazetteer_image_begin));
    Result<Gazetteer> loaded = FromImage(image);
    // The image is made by the build from checked inputs; a bad one is a build defect,
    // so the program runs on with an empty gazetteer rather than with garbage.
    return loaded.ok() ? std::move(loaded).value() : Gazetteer();
  }();
  return builtin;
}

}  // namespace casus::lexicon
