#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the Slurm test (tests/e2e/slurm.test.ts):
# installs Debian's slurm-wlm and munge when missing, writes /etc/slurm/slurm.conf naming this host,
# starts munged, slurmctld and slurmd, and waits until the node takes jobs. Needs root. Idempotent:
# daemons already running are kept (told to re-read slurm.conf when it changed).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
host=$(hostname -s)

ready() { sinfo -h -N -o '%N %t' 2>/dev/null | grep -Eq "^$host (idle|mix|alloc)"; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

# munge: a key, its run folder, the daemon (as the munge user the package created).
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  chown munge:munge /etc/munge/munge.key
  chmod 0400 /etc/munge/munge.key
fi
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- munged
  for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
fi

# slurm.conf: this host as controller and its only compute node, with the CPUs and memory slurmd sees.
node=$(slurmd -C | head -n 1)
install -d /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
conf=$(cat <<CONF
# Written by draagvlak's scripts/slurm-up.sh: a single-node cluster for tests.
ClusterName=draagvlak
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# Completed jobs are kept 10 s: long enough for \`sbatch --wait\` (which then polls every 8 s, not 32 s).
MinJobAge=10
$node State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
)
if [ "$conf" != "$(cat /etc/slurm/slurm.conf 2>/dev/null)" ]; then
  printf '%s\n' "$conf" > /etc/slurm/slurm.conf
  if pidof slurmctld >/dev/null; then scontrol reconfigure; fi
fi

pidof slurmctld >/dev/null || slurmctld
pidof slurmd >/dev/null || slurmd
for _ in $(seq 1 100); do
  if ready; then echo "slurm-up: Slurm up on $host"; exit 0; fi
  # A node left down by an earlier start comes back.
  scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true
  sleep 0.3
done
echo "slurm-up: Slurm did not come up on $host; see /var/log/slurm/slurmctld.log and slurmd.log" >&2
sinfo >&2 || true
exit 1
