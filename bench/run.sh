#!/usr/bin/env bash
# Benchmark pressdex against SQLite FTS5 (sqlite3 CLI), ripgrep and plain tantivy, in one run.
#
# usage: bench/run.sh [--smoke] [--scale none|100k|1m] [--runs N] [--threads N] [--data DIR]
#                     [--corpora LIST]
#
#   --smoke        tiny generated corpus, one run of everything: proves the benchmark works (CI)
#   --scale S      size of the generated scale corpus besides the real ones (default 100k)
#   --runs N       hyperfine runs per indexing command (default 3; searches use 4N)
#   --threads N    indexing threads for pressdex and plain tantivy (default 2)
#   --data DIR     shared data folder holding corpora/ and extraction/ (default ../shared/data)
#   --corpora L    comma-separated subset of reuters,bbc,html,scale (default: all four)
#
# Needs hyperfine, ripgrep, sqlite3 (with FTS5) and GNU time; on Debian as root they are
# installed with apt-get when missing. Corpora, indexes and databases go to a temporary folder
# that is deleted at the end (set KEEP_WORK=1 to keep it). Every figure in a table comes from
# this run: timings are hyperfine medians of whole processes, except the in-process query
# latencies (p50/p95 over many calls of pressdex's search function).
set -euo pipefail
# The whole script is one block, read before it runs: editing it mid-run cannot derail it.
{

usage() { sed -n '4,13s/^# \{0,1\}//p' "$0"; }

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SMOKE=0 SCALE=100k RUNS=3 THREADS=2 DATA="$REPO/../shared/data" CORPORA=reuters,bbc,html,scale
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --scale) SCALE="${2:?--scale needs a value}"; shift ;;
    --runs) RUNS="${2:?--runs needs a value}"; shift ;;
    --threads) THREADS="${2:?--threads needs a value}"; shift ;;
    --data) DATA="${2:?--data needs a value}"; shift ;;
    --corpora) CORPORA="${2:?--corpora needs a value}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$SCALE" in
  none) SCALE_N=0 ;; 100k) SCALE_N=100000 ;; 1m) SCALE_N=1000000 ;;
  *) echo "bench/run.sh: --scale must be none, 100k or 1m" >&2; exit 2 ;;
esac
if [ "$SMOKE" = 1 ]; then RUNS=1; fi
QRUNS=$((RUNS * 4)) QITERS=$((SMOKE ? 3 : 200))

# ---- tools -------------------------------------------------------------------------------
missing=()
for t in hyperfine rg sqlite3 python3; do command -v "$t" >/dev/null || missing+=("$t"); done
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=()
  for t in "${missing[@]}"; do
    case "$t" in rg) pkgs+=(ripgrep) ;; python3) pkgs+=(python3) ;; *) pkgs+=("$t") ;; esac
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${pkgs[*]} with apt-get" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  else
    echo "bench/run.sh: missing ${missing[*]}; install ${pkgs[*]}" >&2; exit 2
  fi
fi

# The smoke run only proves the script works: it reuses the debug build that `cargo test`
# already made (in CI) instead of compiling everything again in release mode.
if [ "$SMOKE" = 1 ]; then
  PROFILE=debug BUILD_ARGS=() ENGINE_BUILD=(test --no-run --bench engine)
else
  PROFILE=release BUILD_ARGS=(--release) ENGINE_BUILD=(bench --no-run --bench engine)
fi
echo "building ($PROFILE)..." >&2
(cd "$REPO" && cargo build "${BUILD_ARGS[@]}" --quiet --bin pressdex)
PRESSDEX="$REPO/target/$PROFILE/pressdex"
ENGINE="$(cd "$REPO" && cargo "${ENGINE_BUILD[@]}" 2>&1 |
  sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -1)"
case "$ENGINE" in /*) ;; *) ENGINE="$REPO/$ENGINE" ;; esac
[ -x "$ENGINE" ] || { echo "bench/run.sh: could not build benches/engine.rs" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/pressdex-bench.XXXXXX")"
cleanup() { if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
# private copies, so a rebuild during a long run cannot swap the binaries under it
mkdir "$WORK/bin" && cp "$PRESSDEX" "$ENGINE" "$WORK/bin/"
PRESSDEX="$WORK/bin/pressdex" ENGINE="$WORK/bin/$(basename "$ENGINE")"

# ---- helpers -----------------------------------------------------------------------------
FILES_RE='.*\.\(txt\|html\|htm\|md\)'
# median seconds of a hyperfine JSON export
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# hyperfine NAME RUNS [hyperfine options...] COMMAND: runs quietly, prints the median in seconds
hf() {
  local name="$1" runs="$2"; shift 2
  hyperfine --style none --runs "$runs" --export-json "$WORK/$name.json" "$@" >/dev/null 2>"$WORK/$name.err" ||
    { echo "bench/run.sh: $name failed:" >&2; cat "$WORK/$name.err" >&2; exit 1; }
  median "$WORK/$name.json"
}
calc() { python3 -c "import sys; print(format(eval(sys.argv[1]), sys.argv[2]))" "$1" "$2"; }
peak_rss_mb() { # COMMAND...: peak RSS of one run, MB
  /usr/bin/time -v "$@" 2>"$WORK/time.err" >/dev/null || { cat "$WORK/time.err" >&2; exit 1; }
  awk -F: '/Maximum resident/ {printf "%.0f", $2/1024}' "$WORK/time.err"
}
row() { printf '  %-52s %16s %14s %12s %10s\n' "$@"; }

SQL_LOAD="CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body);
INSERT INTO docs SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('CORPUS')
 WHERE name GLOB '*.txt' OR name GLOB '*.html' OR name GLOB '*.htm' OR name GLOB '*.md';"
sql_top10() { # FILE MATCH-EXPRESSION: a query file, top 10 with snippets like `pressdex search`
  printf "SELECT path, snippet(docs, 1, '[', ']', '...', 24) FROM docs WHERE docs MATCH '%s' ORDER BY rank LIMIT 10;\n" "$2" >"$1"
}

TERM_Q=government AND_Q='oil prices' PHRASE_Q='"prime minister"' SINCE=2000

# bench_corpus NAME DIR INCREMENTAL(0|1): every figure for one corpus
bench_corpus() {
  local name="$1" dir="$2" incr="$3"
  local idx="$WORK/$name.pressdex" raw="$WORK/$name.tantivy" db="$WORK/$name.sqlite"
  local files bytes mb
  files=$(find "$dir" -type f -regex "$FILES_RE" | wc -l)
  bytes=$(find "$dir" -type f -regex "$FILES_RE" -printf '%s\n' | awk '{s+=$1} END {print s+0}')
  mb=$(calc "$bytes/1e6" .1f)
  echo "== $name: $files files, $mb MB of text ($THREADS threads, $RUNS runs) ==" >&2
  local t_px t_raw t_sql
  t_px=$(hf "$name-px-full" "$RUNS" --prepare "rm -rf '$idx'" \
    "'$PRESSDEX' index -q -j $THREADS --index '$idx' '$dir'")
  t_raw=$(hf "$name-raw-full" "$RUNS" "'$ENGINE' raw-index '$dir' '$raw' $THREADS")
  printf '%s\n' "${SQL_LOAD//CORPUS/$dir}" >"$WORK/load.sql"
  t_sql=$(hf "$name-sql-full" "$RUNS" --prepare "rm -f '$db'" "sqlite3 '$db' < '$WORK/load.sql'")
  local rss_px rss_raw
  rss_px=$(peak_rss_mb "$PRESSDEX" index -q -j "$THREADS" --rebuild --index "$idx" "$dir")
  rss_raw=$(peak_rss_mb "$ENGINE" raw-index "$dir" "$raw" "$THREADS")
  # the size of a full index, before the re-index runs below add segments and deletions
  local s_px
  s_px=$(du -sb "$idx" | cut -f1)
  local t_nochange="" t_changed=""
  if [ "$incr" = 1 ]; then
    t_nochange=$(hf "$name-px-nochange" "$RUNS" "'$PRESSDEX' index -q -j $THREADS --index '$idx' '$dir'")
    # 1% of the files get a new line before each run, so each run re-indexes them
    find "$dir" -type f -regex "$FILES_RE" | sort | awk 'NR % 100 == 1' >"$WORK/$name.changed"
    printf 'while IFS= read -r f; do echo "Revised." >>"$f"; done <"%s"\n' "$WORK/$name.changed" >"$WORK/touch.sh"
    t_changed=$(hf "$name-px-changed" "$RUNS" --prepare "bash '$WORK/touch.sh'" \
      "'$PRESSDEX' index -q -j $THREADS --index '$idx' '$dir'")
  fi
  local s_px_after s_raw s_sql
  s_px_after=$(du -sb "$idx" | cut -f1) s_raw=$(du -sb "$raw" | cut -f1) s_sql=$(du -sb "$db" | cut -f1)

  # queries: whole process (top 10 with snippets) and in-process latency
  local speaker
  speaker=$("$PRESSDEX" speakers --index "$idx" -n 1 --json 2>/dev/null |
    python3 -c 'import json,sys; l=sys.stdin.readline(); print(json.loads(l)["name"].split()[-1] if l else "nobody")' ||
    echo nobody)
  local q_term q_phrase s_term s_phrase rg_phrase
  q_term=$(hf "$name-q-term" "$QRUNS" -N --warmup 1 -i "'$PRESSDEX' search --index '$idx' $TERM_Q")
  q_phrase=$(hf "$name-q-phrase" "$QRUNS" -N --warmup 1 -i "'$PRESSDEX' search --index '$idx' '$PHRASE_Q'")
  sql_top10 "$WORK/term.sql" "$TERM_Q" && sql_top10 "$WORK/phrase.sql" "$PHRASE_Q"
  s_term=$(hf "$name-s-term" "$QRUNS" -N --warmup 1 "sqlite3 '$db' '.read $WORK/term.sql'")
  s_phrase=$(hf "$name-s-phrase" "$QRUNS" -N --warmup 1 "sqlite3 '$db' '.read $WORK/phrase.sql'")
  rg_phrase=$(hf "$name-rg-phrase" "$QRUNS" -N --warmup 1 -i "rg -l -i -F 'prime minister' '$dir'")
  "$ENGINE" query "$idx" "$QITERS" "$TERM_Q" "$AND_Q" "$PHRASE_Q" "$speaker" "$SINCE" >"$WORK/$name.q"

  local ms='*1000' x='peer time / pressdex time (>1: pressdex faster)'
  echo
  echo "## $name: $files files, $mb MB, $THREADS threads (median of $RUNS runs; searches $QRUNS)"
  row "figure" "pressdex" "sqlite3 FTS5" "tantivy raw" "ripgrep"
  row "full index, s" "$(calc "$t_px" .2f)" "$(calc "$t_sql" .2f)" "$(calc "$t_raw" .2f)" ""
  row "full index, docs/s" "$(calc "$files/$t_px" .0f)" "$(calc "$files/$t_sql" .0f)" "$(calc "$files/$t_raw" .0f)" ""
  row "full index, MB/s" "$(calc "$bytes/1e6/$t_px" .1f)" "$(calc "$bytes/1e6/$t_sql" .1f)" "$(calc "$bytes/1e6/$t_raw" .1f)" ""
  row "  full index $x" "" "$(calc "$t_sql/$t_px" .2f)x" "$(calc "$t_raw/$t_px" .2f)x" ""
  row "peak RSS while indexing, MB" "$rss_px" "" "$rss_raw" ""
  row "index size / text size" "$(calc "$s_px/$bytes" .3f)" "$(calc "$s_sql/$bytes" .2f)" "$(calc "$s_raw/$bytes" .2f)" ""
  if [ "$incr" = 1 ]; then
    row "  after the re-index runs (deletions unmerged)" "$(calc "$s_px_after/$bytes" .3f)" "" "" ""
    row "no-change re-index, s (% of full)" "$(calc "$t_nochange" .3f) ($(calc "100*$t_nochange/$t_px" .1f)%)" "" "" ""
    row "1% of files changed, s (% of full)" "$(calc "$t_changed" .3f) ($(calc "100*$t_changed/$t_px" .1f)%)" "" "" ""
  fi
  row "search $TERM_Q, whole process, ms" "$(calc "$q_term$ms" .1f)" "$(calc "$s_term$ms" .1f)" "" ""
  row "  $x" "" "$(calc "$s_term/$q_term" .2f)x" "" ""
  row "search $PHRASE_Q, whole process, ms" "$(calc "$q_phrase$ms" .1f)" "$(calc "$s_phrase$ms" .1f)" "" "$(calc "$rg_phrase$ms" .1f)"
  row "  $x" "" "$(calc "$s_phrase/$q_phrase" .2f)x" "" "$(calc "$rg_phrase/$q_phrase" .1f)x"
  echo "  in-process pressdex search, top 10 with snippets, $QITERS calls each (speaker $speaker, since $SINCE):"
  local p50_phrase=1
  while read -r _ qname hits p50 p95; do
    row "    $qname (${hits#hits=} hits)" "p50 ${p50#p50_ms=} ms" "p95 ${p95#p95_ms=} ms" "" ""
    if [ "$qname" = phrase ]; then p50_phrase=${p50#p50_ms=}; fi
  done <"$WORK/$name.q"
  row "  ripgrep phrase / in-process phrase p50" "" "" "" "$(calc "$rg_phrase*1000/max($p50_phrase,1e-6)" .0f)x"
}

# ---- corpora -----------------------------------------------------------------------------
REUTERS="$DATA/corpora/reuters21578/txt" BBC="$DATA/corpora/bbc" HTML="$DATA/extraction"
echo "# pressdex benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, pressdex $("$PRESSDEX" --version | cut -d' ' -f2)"
echo "# tools: $(hyperfine --version), $(rg --version | sed -n 1p), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
if [ "$SMOKE" = 1 ]; then
  src="$REPO/corpus"; [ -d "$REUTERS" ] && src="$REUTERS"
  python3 "$REPO/bench/gen_corpus.py" --count 200 --out "$WORK/smoke" "$src"
  bench_corpus smoke "$WORK/smoke" 1
  exit 0
fi
for d in "$REUTERS" "$BBC" "$HTML"; do
  [ -d "$d" ] || { echo "bench/run.sh: no $d (pass --data DIR)" >&2; exit 2; }
done
wanted() { case ",$CORPORA," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
# real text is copied, as the 1%-changed runs append to files
if wanted reuters; then cp -r "$REUTERS" "$WORK/reuters" && bench_corpus reuters "$WORK/reuters" 1; fi
if wanted bbc; then cp -r "$BBC" "$WORK/bbc" && bench_corpus bbc "$WORK/bbc" 1; fi
if wanted html; then bench_corpus html "$HTML" 0; fi
if wanted scale && [ "$SCALE_N" -gt 0 ]; then
  echo "generating $SCALE articles..." >&2
  python3 "$REPO/bench/gen_corpus.py" --count "$SCALE_N" --out "$WORK/scale" "$REUTERS" "$BBC"
  bench_corpus "scale-$SCALE" "$WORK/scale" 1
fi
exit 0
}
