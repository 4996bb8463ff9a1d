#pragma once

#include <QStyledItemDelegate>

namespace sv::ui {

// Paints a native progress bar from the index's UnderlyingDataRole (a percent, or -1 when the total
// is not known yet, drawn as an empty bar with the status text).
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sv::ui
