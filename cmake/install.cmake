# Installation: `cmake --install <build> [--prefix <dir>]` puts in place
#   include/h1resp/*.h, *.hpp                the C API and the C++ API
#   lib/libh1resp.a                          the static library: h1resp::h1resp
#   lib/libh1resp.so.<version>, .so.<major>  the shared library: h1resp::shared (C API only)
#   lib/cmake/h1resp/                        the CMake package: find_package(h1resp)
#   lib/pkgconfig/h1resp.pc                  pkg-config, the C API (shared library)
#   lib/pkgconfig/h1resp-static.pc           pkg-config, the C++ and C APIs (static library)
#   bin/h1resp                               the command-line tool (with H1RESP_BUILD_TOOLS)
#
# h1resp::h1resp is the static library on purpose: the C++ API is C++20 with inline members and
# std::span in its layout, an ABI no soname can promise, and a proxy wants the parser inlined
# into it anyway. The shared library exports only the C API, whose ABI its soname covers.
# Every installed file locates the others relative to itself, so the tree can be installed
# with any --prefix, or moved.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(H1RESP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/h1resp)

install(TARGETS h1resp h1resp_shared
  EXPORT h1resp-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET h1resp_cli)
  install(TARGETS h1resp_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/h1resp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(EXPORT h1resp-targets NAMESPACE h1resp:: DESTINATION ${H1RESP_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/h1resp-config.cmake.in
  ${PROJECT_BINARY_DIR}/h1resp-config.cmake
  INSTALL_DESTINATION ${H1RESP_CMAKE_DIR})
# Before 1.0 a minor version may break the API (and the shared library's soname is the major
# version, 0): a package of another minor version is not compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/h1resp-config-version.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/h1resp-config.cmake
  ${PROJECT_BINARY_DIR}/h1resp-config-version.cmake
  DESTINATION ${H1RESP_CMAKE_DIR})

# pkg-config files find the prefix from their own place (${pcfiledir}), not from the configured
# CMAKE_INSTALL_PREFIX, because `cmake --install --prefix` may put them elsewhere.
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(H1RESP_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(H1RESP_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(H1RESP_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH H1RESP_PC_UP "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
  string(REGEX REPLACE "/$" "" H1RESP_PC_UP "${H1RESP_PC_UP}")
  set(H1RESP_PC_PREFIX "\${pcfiledir}/${H1RESP_PC_UP}")
endif()
foreach(pc h1resp h1resp-static)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${pc}.pc.in ${PROJECT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
