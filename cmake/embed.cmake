# casus_embed_resources(TARGET FILES...): compiles each text resource into the
# target as `std::string_view casus::resources::<stem>()`, so the program carries
# its word lists and needs no data path at run time.
function(casus_embed_resources target)
  set(generated_dir "${CMAKE_CURRENT_BINARY_DIR}/embedded")
  file(MAKE_DIRECTORY "${generated_dir}")
  set(sources "")
  foreach(resource IN LISTS ARGN)
    get_filename_component(stem "${resource}" NAME_WE)
    set(out "${generated_dir}/${stem}.cc")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -DINPUT=${resource} -DOUTPUT=${out} -DNAME=${stem}
              -P "${PROJECT_SOURCE_DIR}/cmake/embed_one.cmake"
      DEPENDS "${resource}" "${PROJECT_SOURCE_DIR}/cmake/embed_one.cmake"
      COMMENT "Embedding ${stem}")
    list(APPEND sources "${out}")
  endforeach()
  target_sources(${target} PRIVATE ${sources})
endfunction()
