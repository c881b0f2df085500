// Debian's libglpk-dev ships no pkg-config file, so the header and library are named directly.
#include <glpk.h>
