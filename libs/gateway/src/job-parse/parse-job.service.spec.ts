import { ParseJobService } from './parse-job.service';

const S = 1_000_000_000;
const M = 60 * S;
const HCL = `job "web" {
  group "g" {
    task "t" {
      driver = "docker"
      resources { memory = 64 }
      restart { attempts = 9 }
    }
  }
}`;

describe('ParseJobService', () => {
  const service = new ParseJobService();

  it('returns the parsed api job untouched without Canonicalize', async () => {
    const job = await service.parse({ JobHCL: HCL });
    expect(job.Priority).toBeNull();
    const [group] = job.TaskGroups as [Record<string, unknown>];
    expect(group).toMatchObject({ Count: null, RestartPolicy: null, EphemeralDisk: null });
  });

  it('applies the api package defaults down to tasks with Canonicalize', async () => {
    const job = await service.parse({ JobHCL: HCL, Canonicalize: true });
    expect(job).toMatchObject({ ID: 'web', Name: 'web', Priority: 50, Datacenters: null });
    const [group] = job.TaskGroups as [Record<string, unknown>];
    const restart = {
      Attempts: 2,
      Interval: 30 * M,
      Delay: 15 * S,
      Mode: 'fail',
      RenderTemplates: false,
    };
    expect(group).toMatchObject({
      Name: 'g',
      Count: 1,
      RestartPolicy: restart,
      EphemeralDisk: { Sticky: false, SizeMB: 300, Migrate: false },
      Migrate: {
        MaxParallel: 1,
        HealthCheck: 'checks',
        MinHealthyTime: 10 * S,
        HealthyDeadline: 5 * M,
      },
      ReschedulePolicy: { Delay: 30 * S, DelayFunction: 'exponential', Unlimited: true },
      Update: { MaxParallel: 1, HealthCheck: 'checks', Canary: 0 },
      Networks: null,
    });
    const [task] = group.Tasks as [Record<string, unknown>];
    expect(task).toMatchObject({
      Resources: { CPU: 100, Cores: 0, MemoryMB: 64, MemoryMaxMB: null, DiskMB: null },
      RestartPolicy: { ...restart, Attempts: 9 },
      KillTimeout: 5 * S,
      LogConfig: { MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false },
      Identity: null,
      Constraints: null,
    });
  });
});
