/* bench-stats.h: the sorting and percentiles the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <math.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of an array of doubles, which it sorts; 0 when empty. */
static inline double
bench_percentile (GArray *values,
                  double  fraction)
{
  guint index;

  if (values->len == 0)
    return 0;

  g_array_sort (values, bench_compare_doubles);
  index = (guint) ceil (fraction * values->len);
  return g_array_index (values, double, MAX (index, 1) - 1);
}
