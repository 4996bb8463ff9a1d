#pragma once

#include "jobs/job.h"

#include <memory>

namespace sv {

class Bank;

// Copies one checkpoint (a backup) from one bank into another: any of a folder, a Swift container or an
// S3 bucket on either side, plain or encrypted on either side, with different keys.
//
// How: the chunker is not keyed (the same bytes give the same chunk boundaries in every bank), so each
// image of the source checkpoint is read back with ImageReader (every chunk checked, the whole image's
// sha512 too) and streamed into the target through its CheckpointWriter's ImageWriter, which stores only
// the chunks the target lacks (sealed under the target's keys) and shares the others. The copy keeps the
// checkpoint's id, creation time, consistency, options, resources and their metadata; its options gain
// `copied_from` (the source's location and when it was copied). Before the commit each re-chunked
// image's size and sha512 (and md5, when recorded) must equal the source record's.
//
// Locks: the source's shared lock for the whole copy (as a restore holds it: no garbage collection
// removes a chunk being read), the target's shared lock through its CheckpointWriter. The target
// checkpoint is `protecting` until the commit and `error` after a failure or cancel, so an interrupted
// copy (even a killed process) never leaves one that looks complete. A target that already has the
// checkpoint `available` is left alone (succeeds, nothing copied); one left `protecting` by a dead copy or
// `error` by a failed one is deleted and copied again.
//
// Both banks must be open (Bank::open; the job opens them again, which is cheap and sets their keys).
class CopyCheckpointJob : public Job
{
    Q_OBJECT
public:
    CopyCheckpointJob(std::shared_ptr<Bank> source, std::shared_ptr<Bank> target, QString checkpointId,
                      QObject *parent = nullptr);

protected:
    void run() override;

private:
    bool prepareTarget(QString *replacedStatus);

    std::shared_ptr<Bank> m_source;
    std::shared_ptr<Bank> m_target;
    QString m_checkpointId;
};

} // namespace sv
