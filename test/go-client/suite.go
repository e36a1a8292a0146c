package main

import (
	"errors"
	"regexp"
	"strings"

	"github.com/hashicorp/nomad/api"
)

// A datacenter no simulated node is in: whatever the scheduler does, it places nothing, so the
// allocation and deployment checks see Nomad's empty answers.
const datacenter = "dc-go-client"

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

type namedCheck struct {
	name string
	fn   func() string
}

// suite carries state between checks: the job under test and the indexes seen so far.
type suite struct {
	jobs           *api.Jobs
	evals          *api.Evaluations
	allocs         *api.Allocations
	nodes          *api.Nodes
	run            runState
	id             string
	createIndex    uint64
	jobModifyIndex uint64
	evalIDs        []string

	slashJobID          string
	slashJobModifyIndex uint64
}

func (s *suite) checks() []namedCheck {
	return []namedCheck{
		{"register", s.register},
		{"info", s.info},
		{"list", s.list},
		{"prefix-list", s.prefixList},
		{"update-bumps-version", s.update},
		{"register-unchanged-keeps-version", s.registerUnchanged},
		{"versions", s.versions},
		{"summary", s.summary},
		{"evaluations", s.evaluations},
		{"allocations-empty", s.allocations},
		{"deployments-empty", s.deployments},
		{"latest-deployment-nil", s.latestDeployment},
		{"revert", s.revert},
		{"stable", s.stable},
		{"force-evaluate", s.forceEvaluate},
		{"blocking-query-times-out", s.blockingQuery},
		{"blocking-query-wakes-on-write", s.blockingWake},
		{"parse-hcl", s.parseHCL},
		{"deregister-stop", s.deregisterStop},
		{"deregister-purge", s.deregisterPurge},
		{"job-id-with-slash", s.slashID},
		{"enforce-register", s.enforceRegister},
		{"run-register", s.runRegister},
		{"run-follow-eval", s.runFollowEval},
		{"run-allocations-running", s.runAllocationsRunning},
		{"alloc-status", s.allocStatus},
		{"eval-status", s.evalStatus},
		{"node-status", s.nodeStatus},
		{"alloc-stop", s.allocStop},
		{"run-stop", s.runStop},
	}
}

// webJob builds the job with the api package's builders, as a Go program embedding Nomad would.
// Priority 0 asks for the server's default priority.
func webJob(id string, count int, meta map[string]string) *api.Job {
	task := api.NewTask("server", "docker").
		SetConfig("image", "nginx:1.27").
		Require(&api.Resources{CPU: intp(250), MemoryMB: intp(128)})
	group := api.NewTaskGroup("web", count).AddTask(task)
	job := api.NewServiceJob(id, id, "global", 0).AddDatacenter(datacenter).AddTaskGroup(group)
	for k, v := range meta {
		job.SetMeta(k, v)
	}
	return job
}

func intp(v int) *int { return &v }

// statusOf extracts the HTTP status of a failed call, 0 when the error is not an HTTP answer.
func statusOf(err error) int {
	var unexpected api.UnexpectedResponseError
	if errors.As(err, &unexpected) && unexpected.HasStatusCode() {
		return unexpected.StatusCode()
	}
	return 0
}

func expectHTTPError(err error, status int, bodyContains string, what string) {
	expect(err != nil, "%s: expected an HTTP %d error, got success", what, status)
	expect(statusOf(err) == status, "%s: expected HTTP %d, got error %v", what, status, err)
	expect(strings.Contains(err.Error(), bodyContains),
		"%s: expected the error to contain %q, got %v", what, bodyContains, err)
}
