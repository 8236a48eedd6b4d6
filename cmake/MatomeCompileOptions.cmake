# Warnings every Matome target compiles with. -Werror only when asked
# (MATOME_WERROR, set by the CI preset), so a newer compiler on a
# developer's machine does not break the build.
function(matome_compile_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wold-style-cast)
  if(MATOME_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
