#include "fincheck/batch/shard_environment.hpp"

#include <charconv>
#include <string_view>

namespace fincheck::batch {
namespace {

ShardResolution refuse(const std::string& zh, const std::string& en) {
    return {std::nullopt, zh + " / " + en};
}

std::string shown(const char* name, const char* value) {
    return std::string(name) + "=" + (value ? value : "(unset)");
}

// A decimal number without sign or spaces.
std::optional<std::size_t> number(const char* text) {
    if (!text) return std::nullopt;
    const std::string_view view(text);
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
    if (view.empty() || ec != std::errc{} || end != view.data() + view.size()) return std::nullopt;
    return value;
}

ShardResolution from_kubernetes(const std::function<const char*(const char*)>& lookup) {
    const char* index_text = lookup("JOB_COMPLETION_INDEX");
    const char* count_text = lookup("FINCHECK_SHARD_COUNT");
    const std::string found = shown("JOB_COMPLETION_INDEX", index_text) + ", " +
                              shown("FINCHECK_SHARD_COUNT", count_text);
    const std::optional<std::size_t> index = number(index_text), count = number(count_text);
    if (!count_text)
        return refuse("Kubernetes 索引作业（" + found +
                          "）须在清单中把 FINCHECK_SHARD_COUNT 设为 completions",
                      "a Kubernetes Indexed Job (" + found +
                          ") must set FINCHECK_SHARD_COUNT to its completions in the manifest: "
                          "Kubernetes does not "
                          "pass the completion count to the pod");
    if (!index || !count || *count == 0)
        return refuse("分片变量不是有效的数（" + found + "）",
                      "shard variables are not valid numbers (" + found + ")");
    if (*index >= *count)
        return refuse("JOB_COMPLETION_INDEX 超出分片总数（" + found +
                          "）：completions 与 FINCHECK_SHARD_COUNT 不一致",
                      "JOB_COMPLETION_INDEX is not below the shard count (" + found +
                          "): the Job's completions and FINCHECK_SHARD_COUNT disagree");
    return {Shard{*index + 1, *count}, found};
}

ShardResolution from_slurm(const std::function<const char*(const char*)>& lookup) {
    const char* id_text = lookup("SLURM_ARRAY_TASK_ID");
    const char* count_text = lookup("SLURM_ARRAY_TASK_COUNT");
    const char* min_text = lookup("SLURM_ARRAY_TASK_MIN");
    const char* max_text = lookup("SLURM_ARRAY_TASK_MAX");
    const char* step_text = lookup("SLURM_ARRAY_TASK_STEP");
    const char* declared_text = lookup("FINCHECK_SHARD_COUNT");
    std::string found = shown("SLURM_ARRAY_TASK_ID", id_text) + ", " +
                        shown("SLURM_ARRAY_TASK_MIN", min_text) + ", " +
                        shown("SLURM_ARRAY_TASK_MAX", max_text) + ", " +
                        shown("SLURM_ARRAY_TASK_COUNT", count_text);
    if (step_text) found += ", " + shown("SLURM_ARRAY_TASK_STEP", step_text);
    if (declared_text) found += ", " + shown("FINCHECK_SHARD_COUNT", declared_text);
    const std::optional<std::size_t> id = number(id_text), count = number(count_text),
                                     min = number(min_text);
    if (!id || !count || !min || *count == 0)
        return refuse(
            "Slurm 作业数组的变量缺失或不是有效的数（" + found + "）",
            "the Slurm job array's variables are missing or not valid numbers (" + found + ")");
    const std::optional<std::size_t> max = number(max_text), step = number(step_text);
    if ((max_text && (!max || *max < *min || *max - *min + 1 != *count)) ||
        (step_text && step != 1u))
        return refuse(
            "Slurm 作业数组须是连续的范围（如 --array=1-8），不能有步长或列表（" + found + "）",
            "the Slurm job array must be one contiguous range (such as --array=1-8), without a "
            "step or a "
            "list, or some shards would never run (" +
                found + ")");
    if (*id < *min || *id - *min >= *count)
        return refuse("SLURM_ARRAY_TASK_ID 不在数组范围内（" + found + "）",
                      "SLURM_ARRAY_TASK_ID is outside the array (" + found + ")");
    if (declared_text && number(declared_text) != count)
        return refuse("FINCHECK_SHARD_COUNT 与 SLURM_ARRAY_TASK_COUNT 不一致（" + found + "）",
                      "FINCHECK_SHARD_COUNT and SLURM_ARRAY_TASK_COUNT disagree (" + found + ")");
    return {Shard{*id - *min + 1, *count}, found};
}

}  // namespace

ShardResolution shard_from_environment(const std::function<const char*(const char*)>& lookup) {
    const char* kubernetes = lookup("JOB_COMPLETION_INDEX");
    const char* slurm = lookup("SLURM_ARRAY_TASK_ID");
    if (kubernetes && slurm)
        return refuse("同时找到 Kubernetes 与 Slurm 的分片变量（" +
                          shown("JOB_COMPLETION_INDEX", kubernetes) + ", " +
                          shown("SLURM_ARRAY_TASK_ID", slurm) + "），请用 --shard I/N 指明",
                      "found the shard variables of both Kubernetes and Slurm (" +
                          shown("JOB_COMPLETION_INDEX", kubernetes) + ", " +
                          shown("SLURM_ARRAY_TASK_ID", slurm) + "): give --shard I/N");
    if (kubernetes) return from_kubernetes(lookup);
    if (slurm) return from_slurm(lookup);
    std::string found;
    for (const char* name :
         {"FINCHECK_SHARD_COUNT", "SLURM_JOB_ID", "SLURM_ARRAY_JOB_ID", "KUBERNETES_SERVICE_HOST"})
        if (const char* value = lookup(name))
            found += (found.empty() ? "" : ", ") + shown(name, value);
    if (found.empty()) found = "none of them";
    return refuse(
        "环境中既没有 Kubernetes 索引作业的 JOB_COMPLETION_INDEX，也没有 Slurm 作业数组的 "
        "SLURM_ARRAY_TASK_ID（找到：" +
            found + "）",
        "--shard auto found neither a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) nor a Slurm "
        "job array "
        "(SLURM_ARRAY_TASK_ID) in the environment (found: " +
            found + ")");
}

}  // namespace fincheck::batch
