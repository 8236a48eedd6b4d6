# Warnings every Matome target compiles with. -Werror only when asked
# (MATOME_WERROR, set by the CI preset), so a newer compiler on a
# developer's machine does not break the build.
set(MATOME_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast)
if(MATOME_WERROR)
  list(APPEND MATOME_WARNING_FLAGS -Werror)
endif()

function(matome_compile_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE ${MATOME_WARNING_FLAGS})
endfunction()

# For Qt targets: the warnings on our own sources only, since Qt copies a
# target's options onto the code it generates (qmlcache, moc, plugins),
# which does not meet them.
function(matome_source_warnings target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources INCLUDE REGEX "\\.cpp$")
  list(FILTER sources EXCLUDE REGEX "^${CMAKE_BINARY_DIR}|/\\.rcc/|_autogen/")
  set_source_files_properties(${sources} TARGET_DIRECTORY ${target}
    PROPERTIES COMPILE_OPTIONS "${MATOME_WARNING_FLAGS}")
endfunction()
