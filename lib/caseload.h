/* caseload.h: plans and sheets as they lie on disk: which files a run means, the
 * plans of a directory, read once.
 * The layers and which may include which: lib/README. */

#ifndef CP_CASELOAD_H
#define CP_CASELOAD_H

#include "plan.h"
#include "sheet.h"

/* ---- caseload.c: plans and sheets as they lie on disk ---- */

/* Which files an invocation means, the same in every tool (coachplan(7),
 * FILES): the plans directory is -p, $CP_PLANS or plans/ of the caseload
 * here; the coach's sheet -f, $CP_SHEET or hours/$USER.csv of it; the
 * sheets, hours/ of it.  The caseload here is the current directory, or
 * where neither is there and no plans directory is named, the nearest
 * directory above it that holds plans/. */
const char *cli_plans(void);
const char *cli_sheetpath(void);
const char *cli_sheetsdir(void);
/* Who runs the tool, as the default coach: $USER, else $LOGNAME (what
 * cron sets), else the user's name in the password file (not in a static
 * build); NULL where that is no name a sheet can hold. */
const char *cli_login(void);
int cli_sheet_named(void); /* whether -f or $CP_SHEET named the sheet */
int caseload_is_plan_file(const char *path); /* *.yaml or *.yml */
int is_dir(const char *path); /* a directory (- never is one: it is standard input) */
/* A directory of plans: not one named *.yaml or *.yml, which is a plan file
 * mistyped or made by mistake, read as one to be reported as no file. */
int is_plans_dir(const char *path);
/* Whether path names the file of was taken of, however either is spelt
 * (plans/P-1.yaml, ../plans/P-1.yaml). */
struct stat;
int same_file(const char *path, const struct stat *of);
/* The sheets named, directories expanded to their *.csv files, or without
 * any, those of ./hours; -1 (reported) if there is nothing to read. */
int caseload_sheets(char *const *args, size_t n, char ***paths, size_t *count);
/* The sheets of every coach's hours of the plans: those named (their
 * directories expanded), or without any, every sheet of the caseload's
 * hours/; none where there is no such directory.  Not -f: one coach's.
 * -1 if a directory could not be read (reported; the rest are listed). */
int caseload_logged(char *const *args, size_t n, char ***paths, size_t *count);
/* A plan argument: a path as given (with a slash, or *.yaml or *.yml), or
 * the id of a plan in the plans directory; NULL for a bad id. */
char *caseload_plan_file(const char *arg);
/* The caseload a plans directory is part of: the directory above it. */
char *caseload_root(const char *plansdir);
/* The hours/ directory beside plansdir, in the caseload they share; NULL
 * if there is none. */
char *caseload_hours_of(const char *plansdir);

/* The arguments of a tool sorted into plans and sheets: a caseload
 * directory (one with plans/ or hours/) gives both; a directory with a
 * plan file (or no sheet either) is a plans directory, else one of sheets;
 * a *.yaml or *.yml file is a plan, a *.csv file a sheet, and anything
 * else (- among them) what the tool takes it for (other). */
enum { CASELOAD_SHEET, CASELOAD_PLAN };
struct caseload_args {
	char **plans, **sheets; /* plan files and plans directories; sheets and their directories */
	size_t nplans, nsheets;
};
/* 1 where arg names sheets alone: a sheet, or a directory of them (a
 * caseload's hours/ is not named by naming the caseload) */
int caseload_args_add(struct caseload_args *a, const char *arg, int other);
void caseload_args_free(struct caseload_args *a);

char *plan_path(const char *dir, const char *id); /* NULL (reported) for a bad id */
int plans_list(const char *dir, char ***paths, size_t *n); /* sorted *.yaml */
/* The id after the highest PREFIX-YEAR-NUMBER.yaml in dir of day's year,
 * in its prefix and width (P-2026-015 after P-2026-014), into out; -1 if
 * it does not fit.  P-YEAR-001 where dir holds none; dir need not open. */
int plans_next_id(const char *dir, int day, char *out, size_t size);
/* How many plans of dir an id typed may mean: the same but for case and
 * leading zeros (p-2024-3), or its last parts (2024-003); the first one
 * into out.  For the hint of an unknown plan. */
int plans_like(const char *dir, const char *typed, char *out, size_t size);
/* "did you mean P-2024-003?" into buf where one plan is meant, or where
 * dir is not there, how to name it; else NULL */
const char *plans_like_hint(const char *dir, const char *typed, char *buf, size_t size);
int plan_unknown(const char *dir, const char *typed); /* reported, with that hint */
int plan_file_unknown(const char *path);               /* the same, for DIR/ID.yaml */
/* 0 if dir is a plans directory that opens; else -1, reported (EX_NOINPUT) */
int plans_dir_check(const char *dir);
const char *caseload_outside_hint(void); /* for a plans directory not there */
/* Whether a plans argument names a directory that is not there: no -, no
 * *.yaml, nothing at all (plans/ run outside a caseload); plans_list says so. */
int plans_dir_missing(const char *arg);
void paths_free(char **paths, size_t n);
/* Every plan of args (plan files and plans directories), each file once,
 * read and handed to fn in turn, and freed unless fn returns 1 (it keeps it); a broken
 * plan is reported and skipped.  (Which coach an item falls to is fn's to
 * say: a plan's coach changes with the dates.) */
void plans_each(char *const *args, size_t nargs, int (*fn)(struct plan *, void *), void *arg);
/* Directories become their *.csv files in name order; - stays standard
 * input.  Each sheet once, however often it is named (paths_unique). */
int sheets_expand(char *const *args, size_t nargs, char ***paths, size_t *n);
/* paths less those naming a file named before them (same device and
 * inode; freed), in their order; - and paths not there all stay.  The new n. */
size_t paths_unique(char **paths, size_t n);

struct plancache;
struct plancache *plancache_new(const char *dir);
/* The plan with this id, read once.  NULL with *status 0 if there is no
 * such plan file; NULL with an exit status if it cannot be read (reported). */
struct plan *plancache_get(struct plancache *c, const char *id, size_t n, int *status);
/* For an id plancache_get found no plan of: plans_like_hint's, once */
const char *plancache_like(struct plancache *c, const char *id, size_t n);
void plancache_free(struct plancache *c);
void plancache_slim(struct plancache *c); /* keep only what plan_slim keeps */
/* Adds a plan read elsewhere (a file named on the command line, whatever
 * its name), found by its id from then on; the cache owns it. */
void plancache_put(struct plancache *c, struct plan *p);
/* Reads every plan of the directory on a thread of its own, while the
 * caller reads sheets; nothing else may use the cache until plancache_wait.
 * Problems are not reported by the loader: plancache_get reports them again
 * for the plans the caller asks for. */
int plancache_preload(struct plancache *c);
void plancache_wait(struct plancache *c);
/* Every plan of the directory, read now on two cores, silently; then the
 * cache is frozen: plancache_get only looks up (a plan not in the
 * directory is NULL), so that threads may share it, until plancache_thaw.
 * Once thawed, plancache_get reports a broken plan when it is asked for. */
void plancache_load_all(struct plancache *c);
void plancache_thaw(struct plancache *c);
/* Only look up from now on, as plancache_load_all leaves it: the plans
 * put are all there is, and an id of no plan put is NULL at once. */
void plancache_freeze(struct plancache *c);
/* The .gitattributes cp-new --init writes (hook.c brings an older one's
 * lines up to date) */
extern const char caseload_gitattributes[];
/* A new caseload: DIR/plans, DIR/hours, .gitattributes, .gitignore, README.md */
int caseload_init(const char *dir);
/* fn on each directory of a caseload's files (DIR/plans, DIR/hours) until
 * one fails: its result, or 0. */
int caseload_dirs(const char *dir, int (*fn)(const char *path));

/* ---- planset.c: the plans a report is about, from directories and files ---- */

struct planset {
	struct plan **plans; /* by id; NULL where a plan could not be read (reported) */
	char **paths;
	size_t n;
	int named;           /* plan files were named one by one, not as directories */
};

#define PLANSET_SLIM 1  /* keep only what plan_slim keeps */
#define PLANSET_QUIET 2 /* report nothing (on two cores); read again to report */
#define PLANSET_GOALS 4 /* with PLANSET_SLIM: keep the goals too (plan_slim_but) */

/* Directories become their *.yaml files; only: just the plan with this id.
 * -1 if any plan could not be read (reported; the others are there). */
int planset_load(struct planset *s, char *const *args, size_t n, int flags, const char *only);
/* planset_load in two steps: the paths (no plan read yet), then the plans
 * not read yet, which may run on a thread of its own. */
int planset_list(struct planset *s, char *const *args, size_t n, const char *only);
int planset_read(struct planset *s, int flags);
ssize_t planset_find(const struct planset *s, const char *id, size_t n); /* index, or -1 */
void planset_free(struct planset *s);
/* The path of plan id among args (directories and plan files), or NULL. */
char *plan_locate(char *const *args, size_t n, const char *id);

#endif
