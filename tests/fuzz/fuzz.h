/* fuzz.h: what every fuzz target shares, under libFuzzer and in the corpus replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning means our code misused an API on some input: under the fuzzer
 * that must stop the run like a crash, so it becomes a crash-* file to replay. Not by
 * g_log_set_always_fatal (): GLib then stops with SIGTRAP, which libFuzzer does not catch,
 * and the input would be lost. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_make_warnings_fatal (void)
{
  static gsize set = 0;

  if (g_once_init_enter (&set))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&set, 1);
    }
}
