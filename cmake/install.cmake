# What `cmake --install` (and `make install PREFIX=...`) puts where, in Debian's layout:
#   bin/scmi, bin/optee-simd                          the tools (libscmi linked in statically)
#   lib*/libscmi.so.N, libscmi.a, libscmi-server.a    the agent library; the server core
#   include/scmi/{,proto/,server/}*.h                 the public headers (C and C++)
#   lib*/pkgconfig/scmi.pc, scmi-server.pc            pkg-config --cflags --libs scmi
#   lib*/cmake/scmi/                                  find_package(scmi): scmi::scmi, ...
#   share/scmi-optee/platforms/                       example platform DTBs and their sources
#   share/man/man{1,3,5,8}/                           the man pages
#   share/bash-completion/completions/                scmi, optee-simd
#   share/doc/scmi-optee/                             user guide, binding, examples
# `cmake --install BUILD --prefix DIR` works for any DIR: the pkg-config files are written
# for DIR when installed, the CMake package and the daemon find their parts from where they are.
include(CMakePackageConfigHelpers)

set(SCMI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scmi)
set(SCMI_DATA_DIR ${CMAKE_INSTALL_DATADIR}/scmi-optee)

install(TARGETS scmi_shared scmi_static scmi_server_static
        EXPORT scmiTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lib NAMELINK_COMPONENT dev
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(TARGETS optee-simd scmi-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT bin)

# The public headers. tee_inproc.h stays in the tree: its backend links the whole secure
# side, which is not part of libscmi.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/scmi DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT dev FILES_MATCHING PATTERN "*.h" PATTERN "tee_inproc.h" EXCLUDE)

# pkg-config, written at install time: its prefix is the one installed to, whichever
# `cmake --install --prefix` gives (DESTDIR stays out). libfdt has no .pc file on Debian, so
# its flags are written out (Libs.private: only static linking needs them).
set(SCMI_PC_THREADS "${CMAKE_THREAD_LIBS_INIT}")
foreach(_pc scmi scmi-server)
  install(
    CODE "set(SCMI_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
          set(CMAKE_INSTALL_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
          set(CMAKE_INSTALL_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
          set(PROJECT_VERSION \"${PROJECT_VERSION}\")
          set(SCMI_PC_THREADS \"${SCMI_PC_THREADS}\")
          configure_file(\"${PROJECT_SOURCE_DIR}/cmake/${_pc}.pc.in\"
                         \"${PROJECT_BINARY_DIR}/pkgconfig/${_pc}.pc\" @ONLY)"
    COMPONENT dev)
  install(FILES ${PROJECT_BINARY_DIR}/pkgconfig/${_pc}.pc
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
endforeach()

# find_package(scmi): scmi::scmi (shared), scmi::scmi_static, scmi::server.
install(EXPORT scmiTargets NAMESPACE scmi:: DESTINATION ${SCMI_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/scmiConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/scmiConfig.cmake INSTALL_DESTINATION ${SCMI_CMAKE_DIR})
# 0.x: a minor release may break the ABI (the soname says so), so only the same minor matches.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/scmiConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/scmiConfig.cmake ${PROJECT_BINARY_DIR}/scmiConfigVersion.cmake
        DESTINATION ${SCMI_CMAKE_DIR} COMPONENT dev)

# The example platforms, compiled and as sources (a user's own platform starts from one).
file(GLOB _scmi_dts ${PROJECT_SOURCE_DIR}/platforms/*.dts ${PROJECT_SOURCE_DIR}/platforms/*.dtsi)
set(_scmi_dtbs "")
foreach(_dts ${SCMI_PLATFORM_SOURCES})
  get_filename_component(_name ${_dts} NAME_WE)
  list(APPEND _scmi_dtbs ${PROJECT_BINARY_DIR}/platforms/${_name}.dtb)
endforeach()
install(FILES ${_scmi_dtbs} ${_scmi_dts} DESTINATION ${SCMI_DATA_DIR}/platforms COMPONENT bin)

# Shell completion where bash-completion looks it up by command name (XDG_DATA_DIRS).
install(FILES ${PROJECT_SOURCE_DIR}/completion/scmi.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME scmi
        COMPONENT bin)
install(FILES ${PROJECT_SOURCE_DIR}/completion/optee-simd.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME optee-simd
        COMPONENT bin)

# The documents (the user guide links its neighbours), and the examples with their
# stand-alone Makefile.
file(GLOB _scmi_docs ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${_scmi_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR}
        COMPONENT doc)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/binding DESTINATION ${CMAKE_INSTALL_DOCDIR}
        COMPONENT doc)
file(GLOB _scmi_examples ${PROJECT_SOURCE_DIR}/examples/*.c)
install(FILES ${_scmi_examples} ${PROJECT_SOURCE_DIR}/examples/Makefile
              ${PROJECT_SOURCE_DIR}/examples/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT doc)
