/* sim_fp.c -- see sim_fp.h. */
#include <config.h>
#include "sim_fp.h"
