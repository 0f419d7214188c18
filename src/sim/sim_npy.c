/* sim_npy.c -- see sim_npy.h. */
#include <config.h>
#include "sim_npy.h"
