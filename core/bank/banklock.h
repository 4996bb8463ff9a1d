#pragma once

namespace sv {

// A held bank lock; released when destroyed. Writers hold it shared for a whole checkpoint, garbage
// collection holds it exclusive (FORMAT.md, "Concurrency").
class BankLock
{
public:
    enum class Mode { Shared, Exclusive };
    virtual ~BankLock();
};

} // namespace sv
