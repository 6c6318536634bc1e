/* coachplan.h: the library as the tools in cmd/ see it: every layer
 * (lib/README), and what every tool does alike (cli.c).  Library
 * functions report problems (on stderr, with position) and return -1;
 * only the tools decide how to exit. */

#ifndef COACHPLAN_H
#define COACHPLAN_H

#include <argp.h>

#include "reports.h"
#include "changes.h"

/* ---- cli.c: what every tool does alike ---- */

extern const struct argp cli_plans_argp;  /* -p PLANSDIR */
extern const struct argp cli_sheet_argp;  /* -f SHEET */
extern const struct argp cli_output_argp; /* -o FORMAT */
extern const struct argp_child cli_children_plans[];  /* -p */
extern const struct argp_child cli_children_sheet[];  /* -f, -p */
extern const struct argp_child cli_children_output[]; /* -o, -p */
extern const struct argp_child cli_children_quiet[];  /* -p, -f for -q, -o */

/* post: the tool's text after the options in --help (N_, examples). */
void cli_init(int argc, char **argv, const char *post);
const char *cli_plans_not_dir(void); /* -p given a plan id, not a directory */
/* cp-log without --plan (argp_error exits): the slip named, -p given the
 * plan, or the plan typed first (cp-log P-2026-014 1h30). */
void cli_plan_required(struct argp_state *state, const char *first);
/* 1 where arg is no file but a plan's id: --plan was meant. */
int cli_plan_typed(const char *arg);
/* --plan's argument: an id, or a plan file (plans/P-2026-014.yaml, as the
 * shell completes it) whose name is its id; the file's directory is then
 * the plans directory if it is a caseload's, unless -p says one.  A usage
 * error if neither. */
const char *cli_plan_arg(struct argp_state *state, char *arg);
enum outfmt cli_outfmt(void);
/* -f or -o (--excel) given to a mode of a tool that has no use for them:
 * a usage error that names both, rather than an option left unused. */
void cli_refuse_shared(struct argp_state *state, const char *mode);
int cli_exit(int status); /* checks that standard output was written */
/* Prints the path of a file just written; if standard output fails, says
 * that the file is there all the same (a rerun would find it). */
int cli_print_written(const char *path);
/* Every tool's argp help_filter: --help shows cli_init's post after the
 * options, in the messages' language.  The text before the options is
 * argp's doc, which holds no \v: a translator gets two plain strings. */
char *cli_help(int key, const char *text, void *input);
int cli_date(const char *arg, int *day); /* dates on the command line: ISO, today, gisteren ... */
/* A day that must come after after: one typed without its year (25-5) is
 * the first such day after it, not the nearest. */
int cli_date_after(const char *arg, int after, int *day);
/* cp-log's DURATION [NOTE...] as the shell split them: the longest run of
 * words at the start that reads as a duration, the note the rest; the
 * words after it must not read as more of one (1 1/2 uur).  0, or -1
 * reported (EX_USAGE). */
int cli_duration_words(char *const *words, size_t n, long *minutes, struct buf *duration,
		       struct buf *note);
/* An option's word of v: its value, or the usage error (argp_error exits). */
int cli_word(struct argp_state *state, const struct vocab *v, const char *arg);
/* A grant named on the command line: its reference, or a day it holds,
 * a Dutch 05-01-2027 given as 2027-01-05 (grant_named takes ISO). */
const char *cli_grant_name(const char *arg);
/* Free text from the command line goes into a file as typed, but it must
 * be one line of valid UTF-8; -1 (reported, as what) if it is not. */
int cli_text(const char *what, const char *s);
/* Hours on the command line (16, 18,5, 1:30) as minutes, more than 0 and
 * at most max hours; else why not (the reason is kept until the next call). */
const char *cli_hours(const char *s, long max, long *minutes);
/* --budget HOURS[/PER]: 60, 60/6m; *per is left alone without /PER.  0, or
 * -1 reported (EX_USAGE). */
int cli_budget(const char *arg, long *minutes, struct interval *per);
/* N days (a bare number) or an interval: 14, 2w, 1m; 0 or 0d only where
 * zero_ok (a window of today alone). */
int cli_span(const char *what, const char *arg, struct interval *iv, int zero_ok);
/* A grant as cp-new and cp-plan take it (cp-plan(1)):
 * FROM[..TO|/LENGTH][:HOURS|:LEVEL][,FUNDER|,KIND|,KEY=VALUE]...;
 * one field of it, by name (to, length, funder, ref, kind, hours, level). */
int cli_grant(char *arg, struct grant_spec *g); /* arg is cut: the grant points into it */
int cli_grant_field(struct grant_spec *g, const char *key, const char *value);
/* cp-plan's --to, --ref, --hours ... of g, the last --grant or --amend-grant
 * (NULL: none came before, a usage error); 0 or EX_USAGE. */
int cli_grant_option(struct argp_state *state, struct grant_spec *g, const char *key,
		     const char *arg);
/* NAME or NAME:ROLE; arg is cut at the colon and trimmed of the blanks
 * around both. */
int cli_contact(char *arg, const char **name, const char **role);
/* A coach's name as typed (--coach "kim "): the blanks around it are no
 * part of it; arg is cut in place; none left is a usage error. */
char *cli_name(struct argp_state *state, char *arg);

#endif
