#pragma once

#include <QSortFilterProxyModel>

namespace sv::ui {

// The filter box behind the tree: keeps the servers whose name, id or status contains the text (with
// their cloud, and their boot image or volumes), and always keeps clouds, loading and error rows so the
// user still sees where a server would be. Sorts servers by name.
class CloudTreeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CloudTreeFilterModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

    // Without a filter text every row is kept, so the source's answer is the proxy's: the tree view asks
    // this of every visible row at each layout, and the base class builds a mapping of each row's children
    // to answer (an admin's 50,000 servers: most of the GUI thread's time while "All projects" loaded).
    bool hasChildren(const QModelIndex &parent = {}) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool serverMatches(const QModelIndex &server) const;

    QString m_text;
};

} // namespace sv::ui
