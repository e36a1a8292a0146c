package main

import (
	"fmt"
	"slices"
)

func (s *suite) summary() string {
	summary, qm, err := s.jobs.Summary(s.id, nil)
	must(err, "Jobs().Summary")
	expect(summary.JobID == s.id && summary.Namespace == "default", "summary JobID/Namespace %q/%q", summary.JobID, summary.Namespace)
	group, ok := summary.Summary["web"]
	expect(ok, "summary has no entry for group web: %+v", summary.Summary)
	expect(group.Running == 0 && group.Starting == 0 && group.Failed == 0 && group.Complete == 0 && group.Lost == 0,
		"group web counters %+v, want no allocations counted", group)
	expect(summary.Children != nil, "Children is null; Nomad always sends it")
	expect(summary.CreateIndex == s.createIndex, "summary CreateIndex %d, want %d", summary.CreateIndex, s.createIndex)
	expect(qm.LastIndex > 0, "X-Nomad-Index is 0")
	return fmt.Sprintf("group web queued %d", group.Queued)
}

func (s *suite) evaluations() string {
	evals, qm, err := s.jobs.Evaluations(s.id, nil)
	must(err, "Jobs().Evaluations")
	expect(len(evals) >= 2, "%d evaluations, want at least the 2 from the registers", len(evals))
	ids := make([]string, 0, len(evals))
	for _, eval := range evals {
		expect(eval.JobID == s.id, "eval %s has JobID %q", eval.ID, eval.JobID)
		expect(eval.Type == "service" && eval.Priority == 50, "eval %s Type/Priority %s/%d", eval.ID, eval.Type, eval.Priority)
		// No node serves the datacenter, so the scheduler also creates blocked evaluations.
		expect(eval.TriggeredBy == "job-register" || eval.TriggeredBy == "queued-allocs",
			"eval %s TriggeredBy %q", eval.ID, eval.TriggeredBy)
		expect(eval.Namespace == "default", "eval %s Namespace %q", eval.ID, eval.Namespace)
		ids = append(ids, eval.ID)
	}
	for _, id := range s.evalIDs {
		expect(slices.Contains(ids, id), "register eval %s missing from %v", id, ids)
	}
	expect(qm.LastIndex > 0, "X-Nomad-Index is 0")
	return fmt.Sprintf("%d evaluations", len(evals))
}

func (s *suite) allocations() string {
	allocs, qm, err := s.jobs.Allocations(s.id, false, nil)
	must(err, "Jobs().Allocations")
	expect(allocs != nil && len(allocs) == 0, "allocations %v, want [] (no node serves %s)", allocs, datacenter)
	expect(qm.LastIndex > 0, "X-Nomad-Index is 0")
	return "[]"
}

func (s *suite) deployments() string {
	deployments, qm, err := s.jobs.Deployments(s.id, false, nil)
	must(err, "Jobs().Deployments")
	expect(deployments != nil && len(deployments) == 0, "deployments %v, want []", deployments)
	expect(qm.LastIndex > 0, "X-Nomad-Index is 0")
	return "[]"
}

func (s *suite) latestDeployment() string {
	deployment, qm, err := s.jobs.LatestDeployment(s.id, nil)
	must(err, "Jobs().LatestDeployment")
	expect(deployment == nil, "latest deployment %+v, want nil (body null)", deployment)
	expect(qm.LastIndex > 0, "X-Nomad-Index is 0")
	return "nil"
}
