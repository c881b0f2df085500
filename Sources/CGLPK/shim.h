// Debian's libglpk-dev ships no pkg-config file, so the header and library are named directly.
#include <glpk.h>
#include <setjmp.h>

// GLPK stops the process on an internal error (glp_error calls abort), for instance its MIP presolver on a model
// it reduces to no column at all ("glp_add_cols: ncs = 0"). Its manual's remedy is an error hook that longjmps back
// to the caller, who must then free the thread's environment (every GLPK object of the thread is gone).
typedef struct {
    jmp_buf target;
} wangge_glpk_jump;

static void wangge_glpk_on_error(void *info) {
    longjmp(((wangge_glpk_jump *)info)->target, 1);
}

// glp_intopt, or -1 when GLPK stopped on an internal error. After -1 the caller must not touch `problem` again and
// must call glp_free_env before any other GLPK call on this thread.
static inline int wangge_intopt_or_error(glp_prob *problem, const glp_iocp *parm) {
    wangge_glpk_jump jump;
    if (setjmp(jump.target) != 0) {
        return -1;
    }
    glp_error_hook(wangge_glpk_on_error, &jump);
    int code = glp_intopt(problem, parm);
    glp_error_hook(NULL, NULL);
    return code;
}
