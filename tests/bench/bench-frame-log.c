/* bench-frame-log.c: what each frame of a GTK 4 app did, and how long it took
 *
 * An LD_PRELOAD module, beside libdossier-bench-preload.so (both may be loaded): with
 * DOSSIER_BENCH_FRAME_LOG=FILE, it watches the frame clock of the first window presented
 * and writes one line per frame to FILE as the frame ends, tab-separated:
 *
 *   frame   the frame clock's counter
 *   start   when the frame began, µs of the monotonic clock (to line it up with other logs)
 *   wall    before-paint to after-paint, ms (what the scroll benchmarks call a frame)
 *   cpu     the main thread's CPU time in that span, ms: far below wall, the thread waited
 *           for a core (the machine is shared) or for a lock
 *   update, layout, paint   each phase, ms (tick callbacks; measure and allocate; snapshot
 *           and render)
 *   gap     from the previous frame's end to this one's start, ms
 *   ivcsw, vcsw   the main thread's involuntary and voluntary context switches
 *   minflt  minor page faults (memory touched the first time)
 *   sql, sql_ms   sqlite3_step() calls on the main thread, and their time
 *   sql_bg  sqlite3_step() calls on other threads meanwhile
 *   shape, shape_ms   HarfBuzz shaping calls (Pango laying out text), and their time
 *   glyph, glyph_ms   FT_Load_Glyph() calls (cairo rendering a glyph it has not cached)
 *   surface   cairo image surfaces made, and the largest one's pixels (an offscreen
 *             rendering or a cached image drawn anew)
 *   objects   GObjects made with g_object_new*(), and how many were widgets
 *   x11, x11_ms   round trips to the X server (Xlib's _XReply()), and their time: each waits
 *             for the server to be scheduled, which on a loaded machine may take a while
 *   x11_calls which Xlib calls made them, in which phase (u, l, p, a: update, layout, paint,
 *             after-paint), such as "l:XGetGeometry"
 *
 * The calls are counted by interposing the libraries' exported functions, so only calls
 * from one library into another are seen (Pango into HarfBuzz, cairo into FreeType, the app
 * and GTK into SQLite and GObject), which are the ones that matter here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "bench-frame-log"

#include <dlfcn.h>
#include <execinfo.h>
#include <gtk/gtk.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

/* SQLite's and FreeType's headers are not included: their prototypes, as exported. */
int sqlite3_step (void *statement);
int FT_Load_Glyph (void *face, unsigned int glyph_index, gint32 load_flags);
int _XReply (void *display, void *reply, int extra, int discard);

/* The next definition of an interposed function: the library's own. */
#define DEFINE_REAL(name) \
  static __typeof__ (&name) \
  real_##name (void) \
  { \
    static __typeof__ (&name) function; \
    if (function == NULL) \
      function = (__typeof__ (&name)) dlsym (RTLD_NEXT, #name); \
    return function; \
  }

DEFINE_REAL (gtk_window_present)
DEFINE_REAL (gtk_window_present_with_time)
DEFINE_REAL (sqlite3_step)
DEFINE_REAL (hb_shape)
DEFINE_REAL (hb_shape_full)
DEFINE_REAL (FT_Load_Glyph)
DEFINE_REAL (cairo_image_surface_create)
DEFINE_REAL (_XReply)
DEFINE_REAL (g_object_new_with_properties)
DEFINE_REAL (g_object_new_valist)

typedef struct
{
  gint64 frame;
  gint64 start, update, layout, paint, end;   /* µs, monotonic */
  gint64 gap;
  gint64 cpu;                                 /* ns of the main thread */
  long   ivcsw, vcsw, minflt;
  guint  sql, sql_bg, shape, glyph, surfaces, objects, widgets, x11;
  gint64 sql_ns, shape_ns, glyph_ns, x11_ns;
  gint64 largest_surface;
  GString *x11_calls;
} Frame;

static Frame current;
static gboolean in_frame;
static char phase = 'u';
static gint64 last_end;
static pthread_t main_thread;
static gboolean watching;
static struct rusage usage_at_start;
static gint64 cpu_at_start;

static gint64
thread_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static gboolean
counting (void)
{
  return in_frame && pthread_equal (pthread_self (), main_thread);
}

static double
span (gint64 from,
      gint64 to)
{
  return from && to ? (to - from) / 1000.0 : 0;
}

static FILE *log_file;

static void
write_frame (const Frame *f)
{
  gint64 update = f->update ?: f->start, layout = f->layout ?: update;

  fprintf (log_file, "%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%ld\t%ld\t%ld"
                     "\t%u\t%.3f\t%u\t%u\t%.3f\t%u\t%.3f\t%u\t%" G_GINT64_FORMAT "\t%u\t%u\t%u\t%.3f\t%s\n",
           f->frame, f->start, span (f->start, f->end), f->cpu / 1e6, span (f->start, update),
           span (update, layout), span (layout, f->paint ?: f->end), f->gap / 1000.0,
           f->ivcsw, f->vcsw, f->minflt, f->sql, f->sql_ns / 1e6, f->sql_bg, f->shape,
           f->shape_ns / 1e6, f->glyph, f->glyph_ns / 1e6, f->surfaces, f->largest_surface,
           f->objects, f->widgets, f->x11, f->x11_ns / 1e6, f->x11_calls->str);
  /* The app may be ended by a signal at any time: each frame is on disk as it ends. */
  fflush (log_file);
}

static void
on_before_paint (GdkFrameClock *clock)
{
  memset (&current, 0, sizeof current);
  current.frame = gdk_frame_clock_get_frame_counter (clock);
  current.start = g_get_monotonic_time ();
  current.gap = last_end ? current.start - last_end : 0;
  getrusage (RUSAGE_THREAD, &usage_at_start);
  cpu_at_start = thread_ns ();
  current.x11_calls = g_string_new (NULL);
  phase = 'u';
  in_frame = TRUE;
}

static void
on_update_done (GdkFrameClock *clock)
{
  current.update = g_get_monotonic_time ();
  phase = 'l';
}

static void
on_layout_done (GdkFrameClock *clock)
{
  current.layout = g_get_monotonic_time ();
  phase = 'p';
}

static void
on_paint_done (GdkFrameClock *clock)
{
  current.paint = g_get_monotonic_time ();
  phase = 'a';
}

static void
on_after_paint (GdkFrameClock *clock)
{
  struct rusage usage;

  if (!in_frame)
    return;
  in_frame = FALSE;
  current.end = last_end = g_get_monotonic_time ();
  current.cpu = thread_ns () - cpu_at_start;
  getrusage (RUSAGE_THREAD, &usage);
  current.ivcsw = usage.ru_nivcsw - usage_at_start.ru_nivcsw;
  current.vcsw = usage.ru_nvcsw - usage_at_start.ru_nvcsw;
  current.minflt = usage.ru_minflt - usage_at_start.ru_minflt;
  write_frame (&current);
  g_string_free (current.x11_calls, TRUE);
}

static void
watch_frame_clock (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update_done), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_done), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint_done), NULL);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
watch (GtkWindow *window)
{
  const char *path = g_getenv ("DOSSIER_BENCH_FRAME_LOG");

  if (watching || path == NULL || (log_file = fopen (path, "w")) == NULL)
    return;
  watching = TRUE;
  main_thread = pthread_self ();
  fprintf (log_file, "frame\tstart\twall\tcpu\tupdate\tlayout\tpaint\tgap\tivcsw\tvcsw\tminflt"
                     "\tsql\tsql_ms\tsql_bg\tshape\tshape_ms\tglyph\tglyph_ms\tsurface"
                     "\tlargest\tobjects\twidgets\tx11\tx11_ms\tx11_calls\n");

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    watch_frame_clock (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (watch_frame_clock), NULL);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{

  watch (window);
  real_gtk_window_present_with_time () (window, timestamp);
}

void
gtk_window_present (GtkWindow *window)
{

  watch (window);
  real_gtk_window_present () (window);
}

int
sqlite3_step (void *statement)
{
  gint64 start;
  int result;

  if (!in_frame)
    return real_sqlite3_step () (statement);
  if (!pthread_equal (pthread_self (), main_thread))
    {
      g_atomic_int_inc (&current.sql_bg);
      return real_sqlite3_step () (statement);
    }
  start = now_ns ();
  result = real_sqlite3_step () (statement);
  current.sql++;
  current.sql_ns += now_ns () - start;
  return result;
}

/* hb_shape() may call hb_shape_full() through the PLT: count the outer call only. */
static int shaping;

void
hb_shape (hb_font_t          *font,
          hb_buffer_t        *buffer,
          const hb_feature_t *features,
          unsigned int        n_features)
{
  gint64 start = counting () && shaping == 0 ? now_ns () : 0;

  shaping++;
  real_hb_shape () (font, buffer, features, n_features);
  shaping--;
  if (start)
    {
      current.shape++;
      current.shape_ns += now_ns () - start;
    }
}

hb_bool_t
hb_shape_full (hb_font_t          *font,
               hb_buffer_t        *buffer,
               const hb_feature_t *features,
               unsigned int        n_features,
               const char * const *shapers)
{
  gint64 start = counting () && shaping == 0 ? now_ns () : 0;
  hb_bool_t result;

  shaping++;
  result = real_hb_shape_full () (font, buffer, features, n_features, shapers);
  shaping--;
  if (start)
    {
      current.shape++;
      current.shape_ns += now_ns () - start;
    }
  return result;
}

int
FT_Load_Glyph (void         *face,
               unsigned int  glyph_index,
               gint32        load_flags)
{
  gint64 start = counting () ? now_ns () : 0;
  int result = real_FT_Load_Glyph () (face, glyph_index, load_flags);

  if (start)
    {
      current.glyph++;
      current.glyph_ns += now_ns () - start;
    }
  return result;
}

cairo_surface_t *
cairo_image_surface_create (cairo_format_t format,
                            int            width,
                            int            height)
{

  if (counting ())
    {
      current.surfaces++;
      current.largest_surface = MAX (current.largest_surface, (gint64) width * height);
    }
  return real_cairo_image_surface_create () (format, width, height);
}

static void
count_object (GType type)
{
  if (!counting ())
    return;
  current.objects++;
  if (g_type_is_a (type, GTK_TYPE_WIDGET))
    current.widgets++;
}

GObject *
g_object_new_with_properties (GType        type,
                              guint        n,
                              const char  *names[],
                              const GValue values[])
{
  count_object (type);
  return real_g_object_new_with_properties () (type, n, names, values);
}

GObject *
g_object_new_valist (GType       type,
                     const char *first,
                     va_list     args)
{
  count_object (type);
  return real_g_object_new_valist () (type, first, args);
}

/* g_object_new() itself, as the app and GTK call it, made through the valist form. */
gpointer
g_object_new (GType       type,
              const char *first,
              ...)
{
  gpointer object;
  va_list args;

  count_object (type);
  va_start (args, first);
  object = real_g_object_new_valist () (type, first, args);
  va_end (args);
  return object;
}

int
_XReply (void *display,
         void *reply,
         int   extra,
         int   discard)
{
  gint64 start = counting () ? now_ns () : 0;
  int result = real__XReply () (display, reply, extra, discard);

  if (start)
    {
      void *frames[2];
      Dl_info info;

      current.x11++;
      current.x11_ns += now_ns () - start;
      /* The Xlib call that waited: the caller of _XReply(). */
      if (backtrace (frames, 2) == 2 && dladdr (frames[1], &info) && info.dli_sname)
        g_string_append_printf (current.x11_calls, "%s%c:%s", current.x11_calls->len ? "," : "",
                                phase, info.dli_sname);
    }
  return result;
}
