#include "variantlistmodel.h"

VariantListModel::VariantListModel(const QList<QByteArray> &roleKeys, QObject *parent)
    : QAbstractListModel(parent), m_keys(roleKeys)
{
}

int VariantListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant VariantListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const int k = role - Qt::UserRole;
    if (k < 0 || k >= m_keys.size())
        return {};
    return m_rows.at(index.row()).toMap().value(QString::fromLatin1(m_keys.at(k)));
}

QHash<int, QByteArray> VariantListModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < m_keys.size(); ++i)
        names.insert(Qt::UserRole + i, m_keys.at(i));
    return names;
}

QVariantMap VariantListModel::get(int row) const
{
    return m_rows.value(row).toMap();
}

int VariantListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).toMap().value(QStringLiteral("id")).toString() == id)
            return i;
    return -1;
}

int VariantListModel::roleFor(const QByteArray &key) const
{
    const int i = int(m_keys.indexOf(key));
    return i < 0 ? -1 : Qt::UserRole + i;
}

void VariantListModel::setRows(const QVariantList &rows)
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (before != m_rows.size())
        emit countChanged();
}
