# Gives every global symbol an object file of llhttp defines a prefix, in a copy of the object:
# llhttp's strict mode is chosen when llhttp.c is compiled (LLHTTP_STRICT_MODE), so the strict
# build is a second copy of the same functions, and both copies must link into one program.
#
#   cmake -DNM=... -DOBJCOPY=... -DPREFIX=strict_ -DOUTPUT_DIR=dir -DOBJECTS=a.o,b.o -P this
#
# The map covers the symbols of all the objects, so calls from one object to another (api.c to
# llhttp.c) are renamed too; references to libc are left alone.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "," ";" OBJECTS "${OBJECTS}")
set(map "")
foreach(object IN LISTS OBJECTS)
  execute_process(COMMAND ${NM} -g --defined-only ${object} OUTPUT_VARIABLE symbols
                  COMMAND_ERROR_IS_FATAL ANY)
  string(REGEX MATCHALL "[^\n]+" lines "${symbols}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[0-9a-fA-F]+ [A-Z] (.+)$")
      string(APPEND map "${CMAKE_MATCH_1} ${PREFIX}${CMAKE_MATCH_1}\n")
    endif()
  endforeach()
endforeach()
file(MAKE_DIRECTORY ${OUTPUT_DIR})
file(WRITE ${OUTPUT_DIR}/symbols.map "${map}")
foreach(object IN LISTS OBJECTS)
  get_filename_component(name ${object} NAME)
  execute_process(COMMAND ${OBJCOPY} --redefine-syms=${OUTPUT_DIR}/symbols.map ${object}
                          ${OUTPUT_DIR}/${name} COMMAND_ERROR_IS_FATAL ANY)
endforeach()
