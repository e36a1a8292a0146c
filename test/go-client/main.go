// Command go-client drives Caravan through the official Nomad Go client (github.com/hashicorp/nomad/api),
// unchanged, to prove the Jobs HTTP API is wire-compatible with what Nomad's own tooling sends and expects.
//
// Usage: NOMAD_ADDR=http://127.0.0.1:4646 go run .
//
// Every passed check prints one JSON line {"check":..., "ok":true, "detail":...} on stdout. The first
// failed check prints {"check":..., "ok":false, "error":...} on stdout, a readable line on stderr, and
// the program exits 1. A known deviation from Nomad that does not stop a Go program from working
// prints {"check":<deviation id>, "ok":true, "deviation":...} and a DEVIATION line on stderr.
// Checks run in order and depend on the state earlier checks left behind.
// With -keep-going it runs every check anyway (later ones may fail as a consequence) and exits 1
// at the end: handy to see every deviation in one run.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/hashicorp/nomad/api"
)

type reportLine struct {
	Check     string `json:"check"`
	OK        bool   `json:"ok"`
	Detail    string `json:"detail,omitempty"`
	Error     string `json:"error,omitempty"`
	Deviation string `json:"deviation,omitempty"`
}

// checkFailed aborts the current check; run() turns it into the report line and the exit code.
type checkFailed struct{ msg string }

func fail(format string, args ...any) { panic(checkFailed{fmt.Sprintf(format, args...)}) }

func expect(cond bool, format string, args ...any) {
	if !cond {
		fail(format, args...)
	}
}

// deviation records, without failing the check, a known way Caravan still differs from Nomad.
// The e2e test holds the list of expected deviation ids, so a new one fails it, and so does
// one that got fixed (then its id leaves the list and the check becomes an expect).
func deviation(id string, nomadBehaviour bool, format string, args ...any) {
	if !nomadBehaviour {
		msg := fmt.Sprintf(format, args...)
		emit(reportLine{Check: id, OK: true, Deviation: msg})
		fmt.Fprintf(os.Stderr, "DEVIATION %s: %s\n", id, msg)
	}
}

func must(err error, what string) {
	if err != nil {
		fail("%s: %v", what, err)
	}
}

func emit(line reportLine) {
	b, _ := json.Marshal(line)
	fmt.Println(string(b))
}

var keepGoing = flag.Bool("keep-going", false, "run every check even after one fails")

// failures counts failed checks under -keep-going.
var failures int

// run executes one check; a check returns a short human detail for the report.
func run(name string, check func() string) {
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(checkFailed)
			if !ok {
				f = checkFailed{fmt.Sprintf("panic: %v", r)}
			}
			emit(reportLine{Check: name, OK: false, Error: f.msg})
			fmt.Fprintf(os.Stderr, "FAILED check %q: %s\n", name, f.msg)
			failures++
			if !*keepGoing {
				os.Exit(1)
			}
		}
	}()
	emit(reportLine{Check: name, OK: true, Detail: check()})
}

func main() {
	flag.Parse()
	if os.Getenv("NOMAD_ADDR") == "" {
		fmt.Fprintln(os.Stderr, "NOMAD_ADDR must be set to Caravan's base URL")
		os.Exit(2)
	}
	client, err := api.NewClient(api.DefaultConfig())
	if err != nil {
		fmt.Fprintf(os.Stderr, "api.NewClient: %v\n", err)
		os.Exit(2)
	}
	// A per-run suffix keeps repeated runs against one server from colliding.
	s := &suite{
		jobs:   client.Jobs(),
		evals:  client.Evaluations(),
		allocs: client.Allocations(),
		nodes:  client.Nodes(),
		id:     fmt.Sprintf("go-client-web-%d", time.Now().UnixNano()),
	}
	for _, c := range s.checks() {
		run(c.name, c.fn)
	}
	if failures > 0 {
		os.Exit(1)
	}
}
