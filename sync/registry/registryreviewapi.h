#pragma once

#include "apireply.h"

#include <QByteArray>
#include <QString>

class Principal;
class QHttpServerRequest;
class RegistryStore;

// The supervisors' endpoints: conflict records to settle and the pushed changes the registry
// still refuses (RegistryConflicts, RegistryRejections). Supervisors see their province's,
// admins everything, other roles nothing (403).
class RegistryReviewApi
{
public:
    explicit RegistryReviewApi(RegistryStore *store) : m_store(store) {}

    // GET /api/v1/conflicts[?resolved=0|1]
    ApiReply conflicts(const Principal &who, const QHttpServerRequest &request);
    // GET /api/v1/rejections
    ApiReply rejections(const Principal &who, const QHttpServerRequest &request);
    // POST /api/v1/conflicts/{id}/resolve
    ApiReply resolve(const Principal &who, const QString &id, const QByteArray &body);

private:
    RegistryStore *m_store;
};
