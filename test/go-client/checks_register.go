package main

import (
	"fmt"
	"reflect"

	"github.com/hashicorp/nomad/api"
)

func (s *suite) register() string {
	resp, wm, err := s.jobs.Register(webJob(s.id, 1, nil), nil)
	must(err, "Jobs().Register")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q is not a UUID", resp.EvalID)
	expect(resp.JobModifyIndex > 0, "JobModifyIndex is 0")
	expect(resp.EvalCreateIndex > 0, "EvalCreateIndex is 0")
	expect(wm.LastIndex > 0, "X-Nomad-Index (WriteMeta.LastIndex) is 0")
	// Nomad writes a new job and its eval in one raft entry, so there all three indexes are equal.
	// Caravan appends them as two events of one transaction, each with its own log index (DESIGN.md
	// "The log and its index"): the job's comes first and the reply carries the last one. Clients
	// only rely on the order, and on JobModifyIndex being the check-index for EnforceRegister.
	expect(resp.JobModifyIndex <= resp.EvalCreateIndex && resp.EvalCreateIndex == wm.LastIndex,
		"indexes out of order: JobModifyIndex %d, EvalCreateIndex %d, X-Nomad-Index %d",
		resp.JobModifyIndex, resp.EvalCreateIndex, wm.LastIndex)
	expect(resp.Warnings == "", "unexpected Warnings %q", resp.Warnings)
	s.jobModifyIndex = resp.JobModifyIndex
	s.evalIDs = append(s.evalIDs, resp.EvalID)
	return fmt.Sprintf("EvalID %s at index %d", resp.EvalID, wm.LastIndex)
}

func (s *suite) info() string {
	job, qm, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	expect(str(job.ID) == s.id && str(job.Name) == s.id, "ID/Name %q/%q, want %q", str(job.ID), str(job.Name), s.id)
	expect(str(job.Type) == api.JobTypeService, "Type %q, want service", str(job.Type))
	expect(num(job.Priority) == 50, "Priority %d, want the default 50", num(job.Priority))
	expect(reflect.DeepEqual(job.Datacenters, []string{datacenter}), "Datacenters %v, want [%s]", job.Datacenters, datacenter)
	expect(job.Version != nil && *job.Version == 0, "Version %v, want 0", u64(job.Version))
	expect(str(job.Status) == "pending", "Status %q, want pending (eval not yet processed or blocked)", str(job.Status))
	expect(str(job.Namespace) == "default" && str(job.Region) == "global",
		"Namespace/Region %q/%q, want default/global", str(job.Namespace), str(job.Region))
	expect(job.Stop != nil && !*job.Stop, "Stop %v, want false", job.Stop)
	expect(u64(job.CreateIndex) == s.jobModifyIndex && u64(job.JobModifyIndex) == s.jobModifyIndex,
		"CreateIndex %d / JobModifyIndex %d, want the register's JobModifyIndex %d", u64(job.CreateIndex), u64(job.JobModifyIndex), s.jobModifyIndex)
	// A job read's index is the job's ModifyIndex (not the eval's, which the register reply carries).
	expect(qm.LastIndex == u64(job.ModifyIndex) && qm.LastIndex >= s.jobModifyIndex,
		"X-Nomad-Index %d, want the job's ModifyIndex %d (>= %d)", qm.LastIndex, u64(job.ModifyIndex), s.jobModifyIndex)
	expect(qm.KnownLeader, "X-Nomad-KnownLeader is not true")
	expect(len(job.TaskGroups) == 1, "%d task groups, want 1", len(job.TaskGroups))
	group := job.TaskGroups[0]
	expect(str(group.Name) == "web" && num(group.Count) == 1, "group %q count %d, want web count 1", str(group.Name), num(group.Count))
	expect(len(group.Tasks) == 1, "%d tasks, want 1", len(group.Tasks))
	task := group.Tasks[0]
	expect(task.Name == "server" && task.Driver == "docker", "task %q driver %q, want server/docker", task.Name, task.Driver)
	expect(task.Resources != nil && num(task.Resources.CPU) == 250 && num(task.Resources.MemoryMB) == 128,
		"task resources %+v, want CPU 250 MemoryMB 128", task.Resources)
	expect(task.Config["image"] == "nginx:1.27", "task config image %v", task.Config["image"])
	// Server-side canonicalization fills what the builders left nil.
	expect(group.EphemeralDisk != nil && num(group.EphemeralDisk.SizeMB) == 300, "EphemeralDisk %+v, want SizeMB 300", group.EphemeralDisk)
	expect(group.RestartPolicy != nil && str(group.RestartPolicy.Mode) == "fail", "RestartPolicy %+v, want Mode fail", group.RestartPolicy)
	s.createIndex = u64(job.CreateIndex)
	return fmt.Sprintf("Version 0, Status pending, Priority 50, ModifyIndex %d", u64(job.ModifyIndex))
}

func (s *suite) list() string {
	stubs, qm, err := s.jobs.List(nil)
	must(err, "Jobs().List")
	expect(qm.LastIndex >= s.jobModifyIndex, "X-Nomad-Index %d below the job's index %d", qm.LastIndex, s.jobModifyIndex)
	stub := findStub(stubs, s.id)
	expect(stub != nil, "job %q missing from %d listed jobs", s.id, len(stubs))
	expect(stub.Type == "service" && stub.Priority == 50 && stub.Status == "pending" && !stub.Stop,
		"stub Type/Priority/Status/Stop = %s/%d/%s/%v", stub.Type, stub.Priority, stub.Status, stub.Stop)
	expect(reflect.DeepEqual(stub.Datacenters, []string{datacenter}), "stub Datacenters %v", stub.Datacenters)
	expect(stub.JobSummary != nil && stub.JobSummary.JobID == s.id, "stub JobSummary %+v", stub.JobSummary)
	expect(stub.CreateIndex == s.createIndex && stub.JobModifyIndex == s.jobModifyIndex,
		"stub CreateIndex/JobModifyIndex %d/%d, want %d/%d", stub.CreateIndex, stub.JobModifyIndex, s.createIndex, s.jobModifyIndex)
	expect(stub.SubmitTime > 0, "stub SubmitTime is 0")
	return fmt.Sprintf("%d jobs listed", len(stubs))
}

func (s *suite) prefixList() string {
	stubs, _, err := s.jobs.PrefixList(s.id[:len(s.id)-3])
	must(err, "Jobs().PrefixList")
	expect(len(stubs) == 1 && stubs[0].ID == s.id, "prefix list gave %v, want only %s", stubIDs(stubs), s.id)
	none, _, err := s.jobs.PrefixList("no-such-prefix-")
	must(err, "Jobs().PrefixList (no match)")
	expect(len(none) == 0, "prefix with no match gave %v", stubIDs(none))
	return "prefix matches exactly one job"
}

func (s *suite) update() string {
	resp, wm, err := s.jobs.Register(webJob(s.id, 2, map[string]string{"rev": "2"}), nil)
	must(err, "Jobs().Register (update)")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q is not a UUID", resp.EvalID)
	expect(resp.JobModifyIndex > s.jobModifyIndex, "JobModifyIndex %d not above %d", resp.JobModifyIndex, s.jobModifyIndex)
	job, _, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	expect(u64(job.Version) == 1, "Version %d, want 1", u64(job.Version))
	expect(u64(job.CreateIndex) == s.createIndex, "CreateIndex moved from %d to %d", s.createIndex, u64(job.CreateIndex))
	expect(u64(job.JobModifyIndex) == resp.JobModifyIndex, "JobModifyIndex %d, want %d", u64(job.JobModifyIndex), resp.JobModifyIndex)
	expect(job.Meta["rev"] == "2" && num(job.TaskGroups[0].Count) == 2, "update not applied: Meta %v Count %d", job.Meta, num(job.TaskGroups[0].Count))
	s.jobModifyIndex = resp.JobModifyIndex
	s.evalIDs = append(s.evalIDs, resp.EvalID)
	return fmt.Sprintf("Version 1 at index %d", wm.LastIndex)
}

// registerUnchanged sends the current spec again: Nomad writes only an eval, no new version.
func (s *suite) registerUnchanged() string {
	resp, _, err := s.jobs.Register(webJob(s.id, 2, map[string]string{"rev": "2"}), nil)
	must(err, "Jobs().Register (unchanged)")
	expect(uuidPattern.MatchString(resp.EvalID), "EvalID %q is not a UUID", resp.EvalID)
	job, _, err := s.jobs.Info(s.id, nil)
	must(err, "Jobs().Info")
	expect(u64(job.Version) == 1 && u64(job.JobModifyIndex) == s.jobModifyIndex,
		"Version %d / JobModifyIndex %d, want 1 / %d: an unchanged spec must not make a version",
		u64(job.Version), u64(job.JobModifyIndex), s.jobModifyIndex)
	s.evalIDs = append(s.evalIDs, resp.EvalID)
	return "eval only, still Version 1"
}

func (s *suite) versions() string {
	versions, diffs, _, err := s.jobs.Versions(s.id, true, nil)
	must(err, "Jobs().Versions")
	expect(len(versions) == 2, "%d versions, want 2", len(versions))
	expect(u64(versions[0].Version) == 1 && u64(versions[1].Version) == 0,
		"versions %d,%d, want 1,0 (highest first)", u64(versions[0].Version), u64(versions[1].Version))
	expect(diffs != nil, "Diffs is null with diffs=true")
	expect(len(diffs) == 1 && diffs[0].Type == "Edited" && diffs[0].ID == s.id,
		"Versions(diffs=true) gave %d diffs, Nomad gives one Edited diff per older version", len(diffs))
	return "versions [1 0]"
}

func findStub(stubs []*api.JobListStub, id string) *api.JobListStub {
	for _, stub := range stubs {
		if stub.ID == id {
			return stub
		}
	}
	return nil
}

func stubIDs(stubs []*api.JobListStub) []string {
	ids := make([]string, 0, len(stubs))
	for _, stub := range stubs {
		ids = append(ids, stub.ID)
	}
	return ids
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func num(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func u64(p *uint64) uint64 {
	if p == nil {
		return 0
	}
	return *p
}
