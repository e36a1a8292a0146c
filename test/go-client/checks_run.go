package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/nomad/api"
)

// The `nomad job run` flow, as the CLI drives it through the api package: register, follow the
// evaluation with blocking queries until it completes, list the allocations, wait until they
// run; then `alloc status`, `eval status` and `node status` reads decoded into the typed structs.
// This job goes to dc1, which the simulated nodes serve, so it is really placed and run.

const runDatacenter = "dc1"

// runState carries the placed job between the run checks.
type runState struct {
	jobID  string
	evalID string
	allocs []*api.AllocationListStub
}

func (s *suite) runRegister() string {
	s.run.jobID = s.id + "-run"
	job := webJob(s.run.jobID, 2, nil)
	job.Datacenters = []string{runDatacenter}
	resp, _, err := s.jobs.Register(job, nil)
	must(err, "Jobs().Register")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q", resp.EvalID)
	s.run.evalID = resp.EvalID
	return s.run.jobID
}

// monitor follows the evaluation as `nomad job run` does: blocking queries on its index.
func (s *suite) runFollowEval() string {
	var index uint64
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		eval, qm, err := s.evals.Info(s.run.evalID, &api.QueryOptions{WaitIndex: index, WaitTime: time.Second})
		must(err, "Evaluations().Info")
		if eval.Status == "complete" {
			expect(len(eval.FailedTGAllocs) == 0, "failed placements %+v", eval.FailedTGAllocs)
			expect(eval.JobID == s.run.jobID && eval.BlockedEval == "", "eval %+v", eval)
			return fmt.Sprintf("complete at index %d", eval.ModifyIndex)
		}
		expect(eval.Status == "pending", "eval status %q", eval.Status)
		index = qm.LastIndex
	}
	fail("evaluation %s did not complete", s.run.evalID)
	return ""
}

func (s *suite) runAllocationsRunning() string {
	var index uint64
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		allocs, qm, err := s.jobs.Allocations(s.run.jobID, false, &api.QueryOptions{WaitIndex: index, WaitTime: time.Second})
		must(err, "Jobs().Allocations")
		running := 0
		for _, a := range allocs {
			expect(strings.HasPrefix(a.Name, s.run.jobID+".web["), "alloc name %q", a.Name)
			if a.ClientStatus == "running" {
				running++
			}
		}
		if len(allocs) == 2 && running == 2 {
			s.run.allocs = allocs
			return "2 running"
		}
		index = qm.LastIndex
	}
	fail("allocations of %s never all ran", s.run.jobID)
	return ""
}

func (s *suite) allocStatus() string {
	stub := s.run.allocs[0]
	alloc, qm, err := s.allocs.Info(stub.ID, nil)
	must(err, "Allocations().Info")
	expect(alloc.ID == stub.ID && alloc.JobID == s.run.jobID && alloc.EvalID == s.run.evalID, "alloc %+v", alloc)
	expect(alloc.Job != nil && *alloc.Job.ID == s.run.jobID, "alloc Job %+v", alloc.Job)
	expect(alloc.Metrics != nil && alloc.Metrics.NodesEvaluated > 0, "alloc Metrics %+v", alloc.Metrics)
	task, ok := alloc.TaskStates["server"]
	expect(ok && task.State == "running" && !task.StartedAt.IsZero() && task.FinishedAt.IsZero(),
		"task state %+v", task)
	expect(len(task.Events) == 3 && task.Events[2].Type == "Started", "task events %+v", task.Events)
	expect(qm.LastIndex == alloc.ModifyIndex, "X-Nomad-Index %d, alloc ModifyIndex %d", qm.LastIndex, alloc.ModifyIndex)
	list, _, err := s.allocs.List(&api.QueryOptions{Prefix: stub.ID[:8]})
	must(err, "Allocations().List")
	expect(len(list) == 1 && list[0].ID == stub.ID, "prefix list %+v", list)
	return fmt.Sprintf("%s on %s", alloc.Name, alloc.NodeName)
}

func (s *suite) evalStatus() string {
	eval, _, err := s.evals.Info(s.run.evalID, nil)
	must(err, "Evaluations().Info")
	expect(eval.Status == "complete" && eval.TriggeredBy == "job-register", "eval %+v", eval)
	allocs, _, err := s.evals.Allocations(s.run.evalID, nil)
	must(err, "Evaluations().Allocations")
	expect(len(allocs) == 2, "eval allocations %d, want 2", len(allocs))
	list, _, err := s.evals.List(&api.QueryOptions{Prefix: s.run.evalID[:8]})
	must(err, "Evaluations().List")
	expect(len(list) == 1 && list[0].ID == s.run.evalID, "eval prefix list %+v", list)
	return eval.Status
}

func (s *suite) nodeStatus() string {
	nodes, _, err := s.nodes.List(nil)
	must(err, "Nodes().List")
	expect(len(nodes) >= 1, "no nodes")
	nodeID := s.run.allocs[0].NodeID
	node, _, err := s.nodes.Info(nodeID, nil)
	must(err, "Nodes().Info")
	expect(node.ID == nodeID && node.Datacenter == runDatacenter && node.Status == "ready", "node %+v", node)
	allocs, _, err := s.nodes.Allocations(nodeID, nil)
	must(err, "Nodes().Allocations")
	found := false
	for _, a := range allocs {
		found = found || a.ID == s.run.allocs[0].ID
	}
	expect(found, "node %s allocations miss %s", nodeID, s.run.allocs[0].ID)
	return fmt.Sprintf("%d nodes, %d allocations on %s", len(nodes), len(allocs), node.Name)
}

func (s *suite) runStop() string {
	_, _, err := s.jobs.Deregister(s.run.jobID, false, nil)
	must(err, "Jobs().Deregister")
	var index uint64
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		allocs, qm, err := s.jobs.Allocations(s.run.jobID, false, &api.QueryOptions{WaitIndex: index, WaitTime: time.Second})
		must(err, "Jobs().Allocations")
		done := 0
		for _, a := range allocs {
			if a.DesiredStatus == "stop" && a.ClientStatus == "complete" {
				done++
			}
		}
		if done == len(allocs) {
			return fmt.Sprintf("%d stopped", done)
		}
		index = qm.LastIndex
	}
	fail("allocations of %s never stopped", s.run.jobID)
	return ""
}

// allocStop is `nomad alloc stop`: the allocation is migrated, a replacement runs in its place.
func (s *suite) allocStop() string {
	victim, _, err := s.allocs.Info(s.run.allocs[0].ID, nil)
	must(err, "Allocations().Info")
	resp, err := s.allocs.Stop(victim, nil)
	must(err, "Allocations().Stop")
	expect(uuidPattern.MatchString(resp.EvalID) && resp.LastIndex > 0, "stop response %+v", resp)
	var index uint64
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		old, qm, err := s.allocs.Info(victim.ID, &api.QueryOptions{WaitIndex: index, WaitTime: time.Second})
		must(err, "Allocations().Info")
		if old.ClientStatus == "complete" && old.NextAllocation != "" {
			next, _, err := s.allocs.Info(old.NextAllocation, nil)
			must(err, "Allocations().Info (replacement)")
			expect(next.PreviousAllocation == victim.ID && next.Name == victim.Name, "replacement %+v", next)
			expect(old.DesiredTransition.ShouldMigrate(), "DesiredTransition %+v", old.DesiredTransition)
			return fmt.Sprintf("%s replaced by %s", victim.ID[:8], next.ID[:8])
		}
		index = qm.LastIndex
	}
	fail("allocation %s was never replaced", victim.ID)
	return ""
}
