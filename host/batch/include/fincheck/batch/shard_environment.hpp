// `--shard auto`: which shard this process is, read from the scheduler that started it, so
// that one manifest or sbatch script serves every shard.
//
// - Kubernetes Indexed Job: JOB_COMPLETION_INDEX (0-based) → shard index + 1. Kubernetes
//   does not put the Job's `completions` into the pod's environment, so the count comes from
//   FINCHECK_SHARD_COUNT, which the manifest sets to the same number
//   (examples/kubernetes/indexed-job.yaml).
// - Slurm job array: SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN + 1 of
//   SLURM_ARRAY_TASK_COUNT; the array must be one contiguous range (`--array=1-8`, `0-7`,
//   `5-12`, with or without a `%` limit): a step or a list would leave shards that no task runs.
//
// Anything else — neither present, both, a value that is not a number, an index outside the
// count, a count that disagrees — is an error that says what was found.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "fincheck/batch/inputs.hpp"

namespace fincheck::batch {

struct ShardResolution {
    std::optional<Shard> shard;
    // On success, where the shard came from ("JOB_COMPLETION_INDEX=1, FINCHECK_SHARD_COUNT=3");
    // otherwise what is wrong, zh-CN then English.
    std::string message;
};

// `lookup` returns the variable's value or nullptr (std::getenv in production).
ShardResolution shard_from_environment(const std::function<const char*(const char*)>& lookup);

}  // namespace fincheck::batch
