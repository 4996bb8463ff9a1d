#pragma once

#include <chrono>

namespace sv::openstack {

// How transient failures (connection errors, timeouts, 502/503/504, 429) are retried. Delays double
// from `initialDelay` up to `maxDelay`; a Retry-After header wins, capped at `maxRetryAfter`.
struct RetryPolicy
{
    int maxRetries = 4;
    std::chrono::milliseconds initialDelay{1000};
    std::chrono::milliseconds maxDelay{30000};
    std::chrono::milliseconds maxRetryAfter{120000};
};

} // namespace sv::openstack
