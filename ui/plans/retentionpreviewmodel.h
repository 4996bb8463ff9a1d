#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace sv::ui {

// What a retention policy decides for each backup (a ForgetJob dry run's "decisions"), newest first per
// server: server, backup time, keep or remove, and why.
class RetentionPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ServerColumn, CreatedColumn, DecisionColumn, ReasonsColumn, CheckpointColumn, ColumnCount };

    explicit RetentionPreviewModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The result data of a ForgetJob (dry run).
    void setResult(const QJsonObject &result);
    int keptCount() const;
    int removedCount() const;

private:
    struct Decision
    {
        QString checkpointId;
        QString server;
        QDateTime created;
        QString status;
        bool keep = false;
        bool counted = true;
        QStringList reasons;
    };
    QList<Decision> m_decisions;
};

} // namespace sv::ui
