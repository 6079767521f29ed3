#pragma once

#include "apireply.h"
#include "registryphotostore.h"

#include <QByteArray>
#include <QString>

class Principal;
class QHttpServerRequest;
class RegistryStore;

// The registry's photo endpoints (PROTOCOL.md, Photos): which photos it holds, chunked uploads
// that resume at what it received, originals and thumbnails for those allowed to see them. The
// files live in RegistryPhotoStore; who may send or see a photo is the records' business
// (RegistryStore::photoAccess).
class RegistryPhotoApi
{
public:
    RegistryPhotoApi(RegistryStore *store, const QString &dataDir)
        : m_store(store), m_photos(dataDir)
    {
    }

    // POST /api/v1/photos/status: photos no row `who` may see names are "missing", whatever
    // the registry holds (a hash alone tells nobody whether another province has the photo).
    ApiReply status(const Principal &who, const QByteArray &body);
    // PUT /api/v1/photos/{sha}: one chunk at X-CCN-Offset of X-CCN-Total-Size.
    ApiReply put(const Principal &who, const QString &sha, const QHttpServerRequest &request,
                 const QByteArray &body);
    // GET /api/v1/photos/{sha} and …/thumbnail
    ApiReply get(const Principal &who, const QString &sha, bool thumbnail);

private:
    RegistryStore *m_store;
    RegistryPhotoStore m_photos;
};
