# FindFDT: libfdt, the flattened device tree library (Debian: libfdt-dev).
# Debian's libfdt-dev ships no pkg-config file nor CMake package, so look for the header and
# the library by hand. Defines the imported target fdt::fdt (unless the including project
# already has one; global, as a project that adds ours as a subdirectory links it through
# libscmi's static target) and FDT_FOUND, FDT_INCLUDE_DIR, FDT_LIBRARY.
find_path(FDT_INCLUDE_DIR libfdt.h)
find_library(FDT_LIBRARY NAMES fdt)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(FDT REQUIRED_VARS FDT_LIBRARY FDT_INCLUDE_DIR)
mark_as_advanced(FDT_INCLUDE_DIR FDT_LIBRARY)

if(FDT_FOUND AND NOT TARGET fdt::fdt)
  add_library(fdt::fdt UNKNOWN IMPORTED GLOBAL)
  set_target_properties(fdt::fdt PROPERTIES IMPORTED_LOCATION ${FDT_LIBRARY}
                                            INTERFACE_INCLUDE_DIRECTORIES ${FDT_INCLUDE_DIR})
endif()
