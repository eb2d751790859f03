# The install test (see CMakeLists.txt), as a CMake script: cmake -D... -P install_test.cmake.
# Every step that fails stops the test with the command's output.
cmake_minimum_required(VERSION 3.25)

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${ARGN}\n${out}")
  endif()
  message(STATUS "${what}: ok")
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

function(expect_file path)
  if(NOT EXISTS "${PREFIX}/${path}")
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endfunction()

set(PREFIX ${WORK_DIR}/prefix)
set(sanitize_flags "")
if(SANITIZE)
  # A library built with sanitizers needs their runtime in whatever links it.
  set(sanitize_flags -fsanitize=${SANITIZE})
endif()

# 1. What is installed must be built, also in a fresh build directory where only the tests were.
set(targets h1resp h1resp_shared)
if(TOOL)
  list(APPEND targets h1resp_cli)
endif()
run("build what is installed" ${CMAKE_COMMAND} --build ${BUILD_DIR} --config ${CONFIG}
    --target ${targets})

# 2. Install into an empty temporary prefix.
file(REMOVE_RECURSE ${WORK_DIR})
run("install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --config ${CONFIG} --prefix ${PREFIX})
foreach(path
    ${INCLUDEDIR}/h1resp/h1resp.h ${INCLUDEDIR}/h1resp/parser.hpp
    ${INCLUDEDIR}/h1resp/validator.hpp ${LIBDIR}/libh1resp.a
    ${LIBDIR}/libh1resp.so ${LIBDIR}/libh1resp.so.${SOVERSION} ${LIBDIR}/libh1resp.so.${VERSION}
    ${LIBDIR}/cmake/h1resp/h1resp-config.cmake ${LIBDIR}/cmake/h1resp/h1resp-config-version.cmake
    ${LIBDIR}/cmake/h1resp/h1resp-targets.cmake ${LIBDIR}/pkgconfig/h1resp.pc
    ${LIBDIR}/pkgconfig/h1resp-static.pc)
  expect_file(${path})
endforeach()
# The tool, where it is built, runs from the prefix (it links the library statically).
if(TOOL)
  expect_file(${BINDIR}/h1resp)
  run("run the installed tool" ${PREFIX}/${BINDIR}/h1resp --version)
  if(NOT run_output MATCHES "^h1resp ${VERSION}")
    message(FATAL_ERROR "h1resp --version printed: ${run_output}")
  endif()
endif()
# The soname is the major version, and the development symlink points to it.
file(READ_SYMLINK ${PREFIX}/${LIBDIR}/libh1resp.so link)
if(NOT link STREQUAL "libh1resp.so.${SOVERSION}")
  message(FATAL_ERROR "libh1resp.so -> ${link}, expected libh1resp.so.${SOVERSION}")
endif()
# No header of the build tree's internals leaks into the install.
file(GLOB_RECURSE installed_headers RELATIVE ${PREFIX}/${INCLUDEDIR} ${PREFIX}/${INCLUDEDIR}/*)
foreach(header ${installed_headers})
  if(NOT header MATCHES "^h1resp/[a-z0-9_]+\\.(h|hpp)$")
    message(FATAL_ERROR "unexpected installed file: ${INCLUDEDIR}/${header}")
  endif()
endforeach()

# The programs run with the installed shared library, not the build tree's.
set(run_env ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${PREFIX}/${LIBDIR})

# 3. find_package(): configure, build and run the consumer project.
set(consumer_build ${WORK_DIR}/find-package)
run("configure the consumer (find_package)" ${CMAKE_COMMAND} -S ${CONSUMER_DIR}
    -B ${consumer_build} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=${CONFIG}
    -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_PREFIX_PATH=${PREFIX} -DH1RESP_EXPECTED_PREFIX=${PREFIX}
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "-DCMAKE_C_FLAGS=${sanitize_flags}"
    "-DCMAKE_CXX_FLAGS=${sanitize_flags}" "-DCMAKE_EXE_LINKER_FLAGS=${sanitize_flags}")
run("build the consumer (find_package)" ${CMAKE_COMMAND} --build ${consumer_build}
    --config ${CONFIG})
foreach(program consumer_cpp consumer_c_shared consumer_c_static)
  file(GLOB_RECURSE exe ${consumer_build}/${program} ${consumer_build}/${program}.exe)
  run("run ${program} (find_package)" ${run_env} ${exe})
endforeach()

# 4. pkg-config, as a Makefile would use it: only the installed .pc files are visible.
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found")
endif()
set(pc_env ${CMAKE_COMMAND} -E env PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR=${PREFIX}/${LIBDIR}/pkgconfig)
set(pc_build ${WORK_DIR}/pkg-config)
file(MAKE_DIRECTORY ${pc_build})
run("pkg-config --modversion" ${pc_env} ${PKG_CONFIG} --modversion h1resp)
string(STRIP "${run_output}" modversion)
if(NOT modversion STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config says version ${modversion}, expected ${VERSION}")
endif()
foreach(variant "c;h1resp;${C_COMPILER};-std=c11;consumer.c"
                "c_static;h1resp-static;${C_COMPILER};-std=c11;consumer.c"
                "cpp;h1resp-static;${CXX_COMPILER};-std=c++20;consumer.cpp")
  list(GET variant 0 name)
  list(GET variant 1 module)
  list(GET variant 2 compiler)
  list(GET variant 3 standard)
  list(GET variant 4 source)
  run("pkg-config ${module}" ${pc_env} ${PKG_CONFIG} --cflags --libs ${module})
  separate_arguments(flags UNIX_COMMAND "${run_output}")
  run("compile consumer_${name} (pkg-config ${module})" ${compiler} ${standard} ${sanitize_flags}
      -o ${pc_build}/consumer_${name} ${CONSUMER_DIR}/${source} ${flags})
  run("run consumer_${name} (pkg-config)" ${run_env} ${pc_build}/consumer_${name})
endforeach()
# The C program of h1resp.pc links the shared library: check it is the installed one.
run("ldd consumer_c" ${run_env} ldd ${pc_build}/consumer_c)
if(NOT run_output MATCHES "libh1resp\\.so\\.${SOVERSION} => ${PREFIX}/${LIBDIR}/")
  message(FATAL_ERROR "consumer_c does not use the installed libh1resp.so:\n${run_output}")
endif()
message(STATUS "install test passed")
