package main

import (
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/nomad/api"
)

func (s *suite) revert() string {
	prior := uint64(0)
	_, _, err := s.jobs.Revert(s.id, 0, &prior, nil, "", "")
	expectHTTPError(err, http.StatusInternalServerError, "Current job has version 1; enforcing version 0",
		"Jobs().Revert with a wrong EnforcePriorVersion")
	prior = 1
	resp, wm, err := s.jobs.Revert(s.id, 0, &prior, nil, "", "")
	must(err, "Jobs().Revert")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q is not a UUID", resp.EvalID)
	expect(resp.JobModifyIndex > s.jobModifyIndex && wm.LastIndex >= resp.JobModifyIndex,
		"JobModifyIndex %d (previous %d), X-Nomad-Index %d", resp.JobModifyIndex, s.jobModifyIndex, wm.LastIndex)
	job, _, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	expect(u64(job.Version) == 2, "Version %d after revert, want 2", u64(job.Version))
	expect(len(job.Meta) == 0 && num(job.TaskGroups[0].Count) == 1,
		"reverted spec has Meta %v Count %d, want version 0's (no meta, count 1)", job.Meta, num(job.TaskGroups[0].Count))
	expect(job.Stable != nil && !*job.Stable, "reverted version is Stable %v, want false", job.Stable)
	s.jobModifyIndex = resp.JobModifyIndex
	s.evalIDs = append(s.evalIDs, resp.EvalID)
	return fmt.Sprintf("Version 2 at index %d", wm.LastIndex)
}

func (s *suite) stable() string {
	resp, wm, err := s.jobs.Stable(s.id, 2, true, nil)
	must(err, "Jobs().Stable")
	expect(resp != nil && wm.LastIndex > 0, "no index in the stable response")
	job, _, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	expect(job.Stable != nil && *job.Stable, "job Stable %v after marking version 2 stable", job.Stable)
	expect(u64(job.Version) == 2 && u64(job.JobModifyIndex) == s.jobModifyIndex,
		"Version %d / JobModifyIndex %d changed; stability must not create a version", u64(job.Version), u64(job.JobModifyIndex))
	versions, _, _, err := s.jobs.Versions(s.id, false, nil)
	must(err, "Jobs().Versions")
	expect(len(versions) == 3 && u64(versions[0].Version) == 2 && versions[0].Stable != nil && *versions[0].Stable,
		"version list after Stable: %d versions, head %d stable %v", len(versions), u64(versions[0].Version), versions[0].Stable)
	return fmt.Sprintf("version 2 stable at index %d", wm.LastIndex)
}

func (s *suite) forceEvaluate() string {
	plain, wm, err := s.jobs.ForceEvaluate(s.id, nil)
	must(err, "Jobs().ForceEvaluate")
	expect(uuidPattern.MatchString(plain), "ForceEvaluate EvalID %q is not a UUID", plain)
	expect(wm.LastIndex > 0, "X-Nomad-Index is 0")
	forced, _, err := s.jobs.EvaluateWithOpts(s.id, api.EvalOptions{ForceReschedule: true}, nil)
	must(err, "Jobs().EvaluateWithOpts")
	expect(uuidPattern.MatchString(forced) && forced != plain, "EvaluateWithOpts EvalID %q", forced)
	evals, _, err := s.jobs.Evaluations(s.id, nil)
	must(err, "Jobs().Evaluations")
	seen := map[string]string{}
	for _, eval := range evals {
		seen[eval.ID] = eval.TriggeredBy
	}
	expect(seen[plain] == "job-register" && seen[forced] == "job-register",
		"forced evals missing or wrong trigger: %q %q", seen[plain], seen[forced])
	_, _, err = s.jobs.ForceEvaluate("no-such-job-go-client", nil)
	expectHTTPError(err, http.StatusInternalServerError, "job not found", "Jobs().ForceEvaluate on an unknown job")
	return fmt.Sprintf("evals %s and %s", plain, forced)
}

func (s *suite) blockingQuery() string {
	_, qm, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	const wait = time.Second
	started := time.Now()
	job, blocked, err := s.jobs.Info(s.id, &api.QueryOptions{WaitIndex: qm.LastIndex, WaitTime: wait})
	elapsed := time.Since(started)
	must(err, "Jobs().Info (blocking)")
	expect(str(job.ID) == s.id, "blocking read returned job %q", str(job.ID))
	// Nomad adds up to wait/16 of jitter; the upper bound leaves room for a slow machine.
	expect(elapsed >= wait-50*time.Millisecond, "blocking query returned after %v, before the %v deadline", elapsed, wait)
	expect(elapsed < 4*wait, "blocking query took %v for a %v wait", elapsed, wait)
	expect(blocked.LastIndex == qm.LastIndex, "index moved from %d to %d with no write", qm.LastIndex, blocked.LastIndex)
	return fmt.Sprintf("returned after %v at index %d", elapsed.Round(10*time.Millisecond), blocked.LastIndex)
}

// blockingWake parks a blocking read and then writes: the read must return early with a newer index.
func (s *suite) blockingWake() string {
	_, qm, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	const wait = 20 * time.Second
	type answer struct {
		index   uint64
		elapsed time.Duration
		err     error
	}
	done := make(chan answer, 1)
	started := time.Now()
	go func() {
		_, meta, err := s.jobs.Info(s.id, &api.QueryOptions{WaitIndex: qm.LastIndex, WaitTime: wait})
		a := answer{elapsed: time.Since(started), err: err}
		if meta != nil {
			a.index = meta.LastIndex
		}
		done <- a
	}()
	time.Sleep(300 * time.Millisecond)
	// Unmarking stability writes the job record (ModifyIndex) without making a version.
	_, wm, err := s.jobs.Stable(s.id, 2, false, nil)
	must(err, "Jobs().Stable (unmark)")
	a := <-done
	must(a.err, "Jobs().Info (blocking)")
	expect(a.elapsed < wait/2, "blocking read did not wake on the write: returned after %v", a.elapsed)
	expect(a.index > qm.LastIndex, "woke with index %d, not above %d (the write was at %d)", a.index, qm.LastIndex, wm.LastIndex)
	return fmt.Sprintf("woke after %v at index %d", a.elapsed.Round(10*time.Millisecond), a.index)
}

const jobspec = `
job "hcl-web" {
  datacenters = ["dc1"]
  group "cache" {
    count = 3
    task "redis" {
      driver = "docker"
      config {
        image = "redis:7"
      }
      resources {
        cpu    = 200
        memory = 64
      }
    }
  }
}
`

func (s *suite) parseHCL() string {
	job, err := s.jobs.ParseHCL(jobspec, true)
	must(err, "Jobs().ParseHCL")
	expect(str(job.ID) == "hcl-web" && str(job.Name) == "hcl-web", "parsed ID/Name %q/%q", str(job.ID), str(job.Name))
	expect(str(job.Type) == "service" && num(job.Priority) == 50, "canonicalized Type/Priority %q/%d", str(job.Type), num(job.Priority))
	expect(len(job.TaskGroups) == 1 && num(job.TaskGroups[0].Count) == 3, "parsed groups %+v", job.TaskGroups)
	task := job.TaskGroups[0].Tasks[0]
	expect(task.Name == "redis" && task.Driver == "docker" && task.Config["image"] == "redis:7", "parsed task %+v", task)
	expect(num(task.Resources.CPU) == 200 && num(task.Resources.MemoryMB) == 64, "parsed resources %+v", task.Resources)
	_, _, err = s.jobs.Info("hcl-web", nil)
	expectHTTPError(err, http.StatusNotFound, "job not found", "parse must not register the job")
	return "hcl-web parsed and canonicalized, not stored"
}
