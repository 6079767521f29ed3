#pragma once

#include <QAbstractListModel>
#include <QVariantList>

// A list model over rows held as QVariantMaps: each role (from Qt::UserRole on) reads one key.
// The list models of the pages derive from it and fill the rows from the managers.
class VariantListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    explicit VariantListModel(const QList<QByteArray> &roleKeys, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The whole row as a map (for pages that open one item).
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row whose "id" is id, or -1.
    Q_INVOKABLE int indexOf(const QString &id) const;
    int roleFor(const QByteArray &key) const;

signals:
    void countChanged();

protected:
    void setRows(const QVariantList &rows);

private:
    QList<QByteArray> m_keys;
    QVariantList m_rows;
};
