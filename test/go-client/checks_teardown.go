package main

import (
	"fmt"
	"net/http"
	"strings"
)

func (s *suite) deregisterStop() string {
	evalID, wm, err := s.jobs.Deregister(s.id, false, nil)
	must(err, "Jobs().Deregister (stop)")
	expect(uuidPattern.MatchString(evalID), "EvalID %q is not a UUID", evalID)
	expect(wm.LastIndex > s.jobModifyIndex, "X-Nomad-Index %d not above %d", wm.LastIndex, s.jobModifyIndex)
	job, _, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info after stop")
	expect(job.Stop != nil && *job.Stop, "Stop %v, want true", job.Stop)
	// A stop is upserted like a spec change: a new version.
	expect(u64(job.Version) == 3, "Version %d after stop, want 3", u64(job.Version))
	evals, _, err := s.jobs.Evaluations(s.id, nil)
	must(err, "Jobs().Evaluations")
	trigger := ""
	for _, eval := range evals {
		if eval.ID == evalID {
			trigger = eval.TriggeredBy
		}
	}
	expect(trigger == "job-deregister", "deregister eval TriggeredBy %q, want job-deregister", trigger)
	return fmt.Sprintf("Stop true, Version 3, eval %s", evalID)
}

func (s *suite) deregisterPurge() string {
	_, _, err := s.jobs.Deregister(s.id, true, nil)
	must(err, "Jobs().Deregister (purge)")
	_, _, err = s.jobs.Info(s.id, nil)
	expectHTTPError(err, http.StatusNotFound, "job not found", "Jobs().Info after purge")
	stubs, _, err := s.jobs.PrefixList(s.id)
	must(err, "Jobs().PrefixList after purge")
	expect(len(stubs) == 0, "purged job still listed: %v", stubIDs(stubs))
	_, _, err = s.jobs.Summary(s.id, nil)
	expectHTTPError(err, http.StatusNotFound, "job not found", "Jobs().Summary after purge")
	_, _, _, err = s.jobs.Versions(s.id, false, nil)
	expectHTTPError(err, http.StatusNotFound, "job versions not found", "Jobs().Versions after purge")
	// Nomad has no 404 for deregistering an unknown job: 200 with an empty EvalID.
	evalID, _, err := s.jobs.Deregister(s.id, true, nil)
	must(err, "Jobs().Deregister of a purged job")
	expect(evalID == "", "deregistering a purged job gave EvalID %q, want \"\"", evalID)
	return "Info, Summary and Versions answer 404"
}

// slashID registers a job whose ID contains "/": the client escapes it as %2F in every path.
func (s *suite) slashID() string {
	id := strings.Replace(s.id, "go-client-web-", "go-client/team/api-", 1)
	job := webJob(id, 1, nil)
	job.Priority = nil // nil, unlike 0, is defaulted by the agent's own canonicalization
	resp, _, err := s.jobs.Register(job, nil)
	must(err, "Jobs().Register with a / in the ID")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q is not a UUID", resp.EvalID)
	got, _, err := s.jobs.Info(id, nil)
	must(err, "Jobs().Info with a / in the ID")
	expect(str(got.ID) == id && num(got.Priority) == 50, "Info gave ID %q Priority %d", str(got.ID), num(got.Priority))
	stubs, _, err := s.jobs.PrefixList("go-client/team/")
	must(err, "Jobs().PrefixList")
	expect(findStub(stubs, id) != nil, "%q not in prefix list %v", id, stubIDs(stubs))
	summary, _, err := s.jobs.Summary(id, nil)
	must(err, "Jobs().Summary with a / in the ID")
	expect(summary.JobID == id, "summary JobID %q", summary.JobID)
	versions, _, _, err := s.jobs.Versions(id, false, nil)
	must(err, "Jobs().Versions with a / in the ID")
	expect(len(versions) == 1, "%d versions", len(versions))
	s.slashJobID, s.slashJobModifyIndex = id, resp.JobModifyIndex
	return id
}

// enforceRegister uses the job left by slashID: a wrong check-index fails, the right one succeeds.
func (s *suite) enforceRegister() string {
	id := s.slashJobID
	changed := webJob(id, 2, nil)
	_, _, err := s.jobs.EnforceRegister(changed, s.slashJobModifyIndex+1000, nil)
	expectHTTPError(err, http.StatusInternalServerError,
		fmt.Sprintf("Enforcing job modify index %d: job exists with conflicting job modify index: %d",
			s.slashJobModifyIndex+1000, s.slashJobModifyIndex),
		"Jobs().EnforceRegister with a wrong index")
	_, _, err = s.jobs.EnforceRegister(changed, 0, nil)
	expectHTTPError(err, http.StatusInternalServerError, "Enforcing job modify index 0: job already exists",
		"Jobs().EnforceRegister with index 0 on an existing job")
	job, _, err := s.jobs.Info(id, nil)
	must(err, "Jobs().Info")
	expect(u64(job.Version) == 0, "a rejected EnforceRegister changed the job to Version %d", u64(job.Version))
	resp, _, err := s.jobs.EnforceRegister(changed, s.slashJobModifyIndex, nil)
	must(err, "Jobs().EnforceRegister with the current index")
	expect(resp.JobModifyIndex > s.slashJobModifyIndex, "JobModifyIndex %d not above %d", resp.JobModifyIndex, s.slashJobModifyIndex)
	_, _, err = s.jobs.Deregister(id, true, nil)
	must(err, "Jobs().Deregister (purge) with a / in the ID")
	_, _, err = s.jobs.Info(id, nil)
	expectHTTPError(err, http.StatusNotFound, "job not found", "Jobs().Info after purging the / job")
	return "wrong index rejected, current index accepted"
}
