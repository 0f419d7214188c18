/* sim_math.c -- see sim_math.h. */
#include <config.h>
#include "sim_math.h"
