#pragma once

#include "bank/checkpointindex.h"
#include "jobs/job.h"

#include <QList>
#include <QString>

#include <memory>

namespace sv {

class Bank;

enum class ExportFormat { Raw, Qcow2 };

// What to export, and where (README, "Export").
struct ExportRequest
{
    QString checkpointId;
    // A file, or a folder that exists (then every disk goes into it, named by the rules of planFiles).
    QString output;
    ExportFormat format = ExportFormat::Raw;
    // Only this disk: a resource id or name of the checkpoint (its image or one of its volumes). Empty:
    // every disk.
    QString resourceId;
    bool overwrite = false; // replace files that exist (else the export refuses before writing anything)
};

// One file an export writes: which disk of the checkpoint goes where.
struct ExportFile
{
    QString resourceType; // OS::Glance::Image (the root disk) or OS::Cinder::Volume
    QString resourceId;
    QString resourceName;
    QString label;        // "root" or the volume's name, as used in file names
    QString path;         // absolute
    ImageRecord record;
};

// Writes the disks of one checkpoint (a backup) into files: raw or qcow2, one file per disk (the root disk
// and each saved volume). Runs on the job's worker thread; the GUI and the CLI both export through it.
//
// Each disk is read with ImageReader (every chunk checked against its id, the whole image against the
// recorded sha512, and here against the recorded md5 and size too) and written into a temporary file
// `.NAME.XXXXXX.part` in the target folder, with holes where the bank holds all-zero chunks (a sparse
// file). A disk whose stored format differs from the asked one (a qcow2 snapshot exported as raw, a raw
// volume as qcow2) is then converted by `qemu-img convert`, and `qemu-img compare` must find the result
// equal to the verified bytes (and `qemu-img check` a qcow2 result clean). Only when every disk of the
// export is complete are the temporary files renamed to their names: a failure, a damaged bank object or
// a cancel removes them all, so no file that looks complete is ever half-written. Files are made
// readable by the user only (0600): they hold the disk in plain form.
//
// The result's data: checkpoint_id, files (a list of {resource_type, resource_id, name, path, format,
// source_format, size, allocated_bytes, sha512}), bytes, duration_ms.
class ExportJob : public Job
{
    Q_OBJECT
public:
    ExportJob(std::shared_ptr<Bank> bank, ExportRequest request, QObject *parent = nullptr);

    // The files an export of `index` writes (README, "Export"): with one disk (or `resourceId`), `output`
    // itself; with several, `output` for the first (the root disk) and `BASE-LABEL.SUFFIX` for each other
    // (`web.raw` → `web.raw`, `web-db-data.raw`); into a folder, `SERVER-LABEL.raw|.qcow2` for each.
    // LABEL is "root" for the image, the volume's name for a volume (characters other than letters,
    // digits, '.', '-' and '_' become '_'; a name two disks share gets the volume id's first 8 characters).
    // False and a sentence in *error when `resourceId` names no disk or the checkpoint has none.
    static bool planFiles(const CheckpointIndex &index, const ExportRequest &request, QList<ExportFile> *files,
                          QString *error);
    static QString formatName(ExportFormat format); // "raw", "qcow2"
    static bool parseFormat(const QString &text, ExportFormat *format);
    // The qemu-img that converts (STACKVAULT_QEMU_IMG, else qemu-img on PATH); empty when there is none.
    static QString qemuImg();

protected:
    void run() override;

private:
    struct Written; // one disk's temporary file(s)
    bool exportDisk(const ExportFile &file, qint64 doneBefore, Written *written);
    bool convert(const ExportFile &file, Written *written);
    // Runs qemu-img with `arguments`, polling the cancel flag; false with *why on failure.
    bool runQemuImg(const QStringList &arguments, QString *output, QString *why);
    void removeTemporaries();
    // What failed, reported by run() once the temporary files are gone.
    void setFailure(const QString &message, const QString &details = {});

    std::shared_ptr<Bank> m_bank;
    ExportRequest m_request;
    QStringList m_temporaries; // removed unless renamed into place
    qint64 m_convertBytes = 0;
    QString m_failure;
    QString m_failureDetails;
};

} // namespace sv
