#include "registryaccounts.h"

#include "deviceevents.h"
#include "registrysql.h"
#include "registrystore.h"
#include "uuid7.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace {
QStringList toList(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

QString fromList(const QStringList &l)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
}

Principal principalFrom(const QSqlQuery &q, int at)
{
    Principal p;
    p.userId = q.value(at).toString();
    p.username = q.value(at + 1).toString();
    p.role = q.value(at + 2).toString();
    p.provinceId = q.value(at + 3).toString();
    p.clusters = toList(q.value(at + 4).toString());
    p.communes = toList(q.value(at + 5).toString());
    return p;
}

const char *userColumns = "u.id, u.username, u.role, u.province_id, u.clusters, u.communes";

} // namespace

QString RegistryAccounts::hashToken(const QString &token)
{
    const QByteArray in = token.toUtf8();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char *>(in.constData()),
                       size_t(in.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<char *>(out), sizeof out).toHex());
}

CoreError RegistryAccounts::addUser(const Principal &user, const QString &password, bool fastHash,
                                    QString *id)
{
    if (!Principal::isValidRole(user.role))
        return {CoreError::Code::InvalidInput,
                QObject::tr("Vai trò '%1' không tồn tại. Hãy dùng inspector, local_officer, "
                            "supervisor hoặc admin.")
                    .arg(user.role)};
    if (user.username.trimmed().isEmpty() || user.username.size() > 64 || user.provinceId.isEmpty())
        return {CoreError::Code::InvalidInput,
                QObject::tr("Người dùng cần tên đăng nhập (tối đa 64 ký tự) và mã tỉnh.")};
    if (password.size() < 8)
        return {CoreError::Code::InvalidInput, QObject::tr("Mật khẩu phải có ít nhất 8 ký tự.")};
    const QByteArray pw = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    const auto ops = fastHash ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = fastHash ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str_alg(hash, pw.constData(), size_t(pw.size()), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {CoreError::Code::Io, QObject::tr("Hết bộ nhớ khi băm mật khẩu; hãy thử lại.")};
    QSqlQuery q(m_store.connection());
    QString error;
    if (!RegistrySql::run(q, QStringLiteral("SELECT 1 FROM users WHERE username = ?"),
                          {user.username}, &error))
        return RegistrySql::readFailed(error);
    if (q.next())
        return {CoreError::Code::InvalidInput,
                QObject::tr("Tên đăng nhập '%1' đã có; hãy chọn tên khác.").arg(user.username)};
    q.finish();
    const QString newId = Uuid7::generate();
    if (!RegistrySql::run(
            q,
            QStringLiteral("INSERT INTO users (id, username, password_hash, role, province_id, "
                           "clusters, communes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {newId, user.username, QString::fromLatin1(hash), user.role, user.provinceId,
             fromList(user.clusters), fromList(user.communes), RegistrySql::now()},
            &error))
        return {CoreError::Code::InvalidInput,
                QObject::tr("Không thêm được người dùng '%1': %2").arg(user.username, error)};
    if (id)
        *id = newId;
    return {};
}

QList<Principal> RegistryAccounts::users(CoreError *error) const
{
    QList<Principal> out;
    QSqlQuery q(m_store.connection());
    if (QString why; !RegistrySql::run(q,
                                       QStringLiteral("SELECT %1 FROM users u ORDER BY u.username")
                                           .arg(QLatin1String(userColumns)),
                                       {}, &why)) {
        if (error)
            *error = RegistrySql::readFailed(why);
        return out;
    }
    while (q.next())
        out << principalFrom(q, 0);
    return out;
}

QStringList RegistryAccounts::enabledUsers(const QStringList &usernames, CoreError *error) const
{
    QStringList out;
    if (usernames.isEmpty())
        return out;
    QSqlQuery q(m_store.connection());
    if (QString why; !RegistrySql::run(
            q,
            QStringLiteral("SELECT username FROM users WHERE disabled_at IS NULL AND username IN "
                           "(%1) ORDER BY username")
                .arg(RegistrySql::marks(usernames.size())),
            QVariantList(usernames.cbegin(), usernames.cend()), &why)) {
        *error = RegistrySql::readFailed(why);
        return out;
    }
    while (q.next())
        out << q.value(0).toString();
    return out;
}

CoreError RegistryAccounts::disableUsers(const QStringList &usernames, int *disabled)
{
    *disabled = 0;
    if (usernames.isEmpty())
        return {};
    QVariantList binds{RegistrySql::now()};
    for (const QString &u : usernames)
        binds << u;
    QSqlQuery q(m_store.connection());
    QString why;
    if (!RegistrySql::run(q,
                          QStringLiteral("UPDATE users SET disabled_at = ? WHERE disabled_at IS "
                                         "NULL AND username IN (%1)")
                              .arg(RegistrySql::marks(usernames.size())),
                          binds, &why))
        return {CoreError::Code::Sql, why};
    *disabled = q.numRowsAffected();
    return {};
}

CoreError RegistryAccounts::login(const QString &username, const QString &password,
                                  const QString &deviceId, const QString &deviceSecret,
                                  const QString &deviceName, qint64 ttlMs, Principal *user,
                                  QString *token, qint64 *expiresAt)
{
    QSqlQuery q(m_store.connection());
    QString error;
    // A database that cannot answer is not a wrong password (nor a failed attempt to slow down).
    if (!RegistrySql::run(
            q,
            QStringLiteral("SELECT %1, u.password_hash FROM users u WHERE u.username = ? AND "
                           "u.disabled_at IS NULL")
                .arg(QLatin1String(userColumns)),
            {username}, &error))
        return RegistrySql::readFailed(error);
    const bool found = q.next();
    const QByteArray pw = password.toUtf8();
    const CoreError bad{CoreError::Code::InvalidInput,
                        QObject::tr("Sai tên đăng nhập hoặc mật khẩu.")};
    if (!found)
        return bad;
    Principal p = principalFrom(q, 0);
    const QByteArray hash = q.value(6).toString().toLatin1();
    q.finish();
    if (crypto_pwhash_str_verify(hash.constData(), pw.constData(), size_t(pw.size())) != 0)
        return bad;
    // A revoked device stays revoked: the user must use another device id.
    if (!RegistrySql::run(
            q, QStringLiteral("SELECT revoked_at FROM devices WHERE user_id = ? AND device_id = ?"),
            {p.userId, deviceId}, &error))
        return RegistrySql::readFailed(error);
    const bool known = q.next();
    if (known && !q.value(0).isNull())
        return {CoreError::Code::NotEditable,
                QObject::tr("Thiết bị này đã bị thu hồi; hãy đăng nhập lại trên thiết bị được cấp "
                            "hoặc hỏi quản trị viên.")};
    q.finish();
    bool keyed = false;
    if (const CoreError e = checkDeviceKey(deviceId, deviceSecret, known, &keyed); e.failed())
        return e;
    QSqlDatabase db = m_store.connection();
    if (QString why; !m_store.begin(db, &why))
        return {CoreError::Code::Sql, why};
    const bool keyOk =
        keyed || RegistrySql::run(q,
                                  QStringLiteral("INSERT INTO device_keys (device_id, secret_hash, "
                                                 "registered_at) VALUES (?, ?, ?)"),
                                  {deviceId, hashToken(deviceSecret), RegistrySql::now()}, &error);
    const bool deviceOk =
        keyOk && known
            ? RegistrySql::run(
                  q,
                  QStringLiteral("UPDATE devices SET name = ?, last_seen_at = ? WHERE user_id = "
                                 "? AND device_id = ?"),
                  {deviceName, RegistrySql::now(), p.userId, deviceId}, &error)
            : RegistrySql::run(
                  q,
                  QStringLiteral("INSERT INTO devices (user_id, device_id, name, registered_at, "
                                 "last_seen_at) VALUES (?, ?, ?, ?, ?)"),
                  {p.userId, deviceId, deviceName, RegistrySql::now(), RegistrySql::now()}, &error);
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QString t = QString::fromLatin1(
        QByteArray(reinterpret_cast<char *>(raw), sizeof raw)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const qint64 expires = RegistrySql::now() + ttlMs;
    if (!deviceOk ||
        !RegistrySql::run(
            q,
            QStringLiteral("INSERT INTO tokens (token_hash, user_id, device_id, created_at, "
                           "expires_at) VALUES (?, ?, ?, ?, ?)"),
            {hashToken(t), p.userId, deviceId, RegistrySql::now(), expires}, &error) ||
        !db.commit()) {
        q.finish();
        db.rollback();
        return {CoreError::Code::Sql, error};
    }
    p.deviceId = deviceId;
    *user = p;
    *token = t;
    *expiresAt = expires;
    return {};
}

CoreError RegistryAccounts::checkDeviceKey(const QString &deviceId, const QString &deviceSecret,
                                           bool userKnowsDevice, bool *keyed) const
{
    const CoreError taken{CoreError::Code::Taken,
                          QObject::tr("Mã thiết bị này đã thuộc một máy khác. Nếu đây đúng là máy "
                                      "đó, hãy hỏi quản trị viên; nếu không, hãy cài lại ứng "
                                      "dụng để có mã thiết bị mới.")};
    QSqlQuery q(m_store.connection());
    QString error;
    if (!RegistrySql::run(q,
                          QStringLiteral("SELECT secret_hash FROM device_keys WHERE device_id = ?"),
                          {deviceId}, &error))
        return RegistrySql::readFailed(error);
    if (q.next()) {
        const QByteArray stored = q.value(0).toString().toLatin1();
        const QByteArray given = hashToken(deviceSecret).toLatin1();
        *keyed = true;
        if (stored.size() != given.size() ||
            sodium_memcmp(stored.constData(), given.constData(), size_t(given.size())) != 0)
            return taken;
        return {};
    }
    q.finish();
    // No key yet: a new id, or a device registered before schema 12, whose own users may set it.
    if (userKnowsDevice)
        return {};
    if (!RegistrySql::run(q, QStringLiteral("SELECT 1 FROM devices WHERE device_id = ? LIMIT 1"),
                          {deviceId}, &error))
        return RegistrySql::readFailed(error);
    return q.next() ? taken : CoreError{};
}

std::optional<Principal> RegistryAccounts::authenticate(const QString &token, CoreError *error)
{
    if (token.isEmpty() || token.size() > 100)
        return std::nullopt;
    QSqlQuery q(m_store.connection());
    QString why;
    const bool read = RegistrySql::run(
        q,
        QStringLiteral("SELECT %1, t.device_id FROM tokens t JOIN users u ON u.id = t.user_id "
                       "JOIN devices d ON d.user_id = t.user_id AND d.device_id = t.device_id "
                       "WHERE t.token_hash = ? AND t.expires_at > ? AND d.revoked_at IS NULL "
                       "AND u.disabled_at IS NULL")
            .arg(QLatin1String(userColumns)),
        {hashToken(token), RegistrySql::now()}, &why);
    if (!read && error)
        *error = RegistrySql::readFailed(why);
    if (!read || !q.next())
        return std::nullopt;
    Principal p = principalFrom(q, 0);
    p.deviceId = q.value(6).toString();
    return p;
}

CoreError RegistryAccounts::logout(const QString &token)
{
    QSqlQuery q(m_store.connection());
    QString error;
    if (!RegistrySql::run(q, QStringLiteral("DELETE FROM tokens WHERE token_hash = ?"),
                          {hashToken(token)}, &error))
        return {CoreError::Code::Sql, error};
    return {};
}

QJsonArray RegistryAccounts::devices(const Principal &who, qsizetype maxBytes, int *total,
                                     CoreError *error) const
{
    QSqlQuery q(m_store.connection());
    const QString sql = QStringLiteral(
        "SELECT d.device_id, d.name, d.registered_at, d.last_seen_at, d.revoked_at, u.username, "
        "d.revoked_by, d.user_id "
        "FROM devices d JOIN users u ON u.id = d.user_id %1 ORDER BY u.username, d.device_id");
    QString users; // a condition on users u: none for an admin
    QVariantList binds;
    if (who.isSupervisor()) {
        users = QStringLiteral("u.province_id = ?");
        binds = {who.provinceId};
    } else if (!who.isAdmin()) {
        users = QStringLiteral("u.id = ?");
        binds = {who.userId};
    }
    QJsonArray out;
    if (total)
        *total = 0;
    QString why;
    // The newest few revokes and reinstatements of each: who gave a found tablet back, and when.
    QHash<QString, QJsonArray> history;
    if (!RegistrySql::run(q,
                          sql.arg(users.isEmpty() ? QString() : QStringLiteral("WHERE ") + users),
                          binds, &why) ||
        !DeviceEvents::newest(m_store.connection(), users, binds, 10, &history, &why)) {
        if (error)
            *error = RegistrySql::readFailed(why);
        return out;
    }
    qsizetype bytes = 0;
    int count = 0;
    bool cut = false; // the list is full: the rest are counted, not listed
    while (q.next()) {
        ++count;
        if (cut)
            continue;
        const QJsonObject device{
            {QStringLiteral("id"), q.value(0).toString()},
            {QStringLiteral("name"), q.value(1).toString()},
            {QStringLiteral("registered_at"), double(q.value(2).toLongLong())},
            {QStringLiteral("last_seen_at"),
             q.value(3).isNull() ? QJsonValue() : double(q.value(3).toLongLong())},
            {QStringLiteral("revoked"), !q.value(4).isNull()},
            {QStringLiteral("revoked_by"),
             q.value(6).isNull() ? QJsonValue() : q.value(6).toString()},
            {QStringLiteral("history"),
             history.value(DeviceEvents::key(q.value(7).toString(), q.value(0).toString()))},
            {QStringLiteral("username"), q.value(5).toString()}};
        cut = !RegistrySql::fitsList(device, &bytes, maxBytes, out.isEmpty());
        if (!cut)
            out.append(device);
    }
    if (total)
        *total = count;
    return out;
}

CoreError RegistryAccounts::revokeDevice(const Principal &who, const QString &deviceId)
{
    return setRevoked(who, deviceId, true);
}

CoreError RegistryAccounts::reinstateDevice(const Principal &who, const QString &deviceId)
{
    return setRevoked(who, deviceId, false);
}

// Revokes (its tokens deleted, sign-in refused; the first revoke's time kept) or reinstates
// (sign-in with the password works again; no token comes back) a device for every user on it
// whom `who` may act for: admins for anyone, supervisors for the users of their province (not
// its admins: a lost tablet's owner may have no other), the others for themselves. Either done
// twice is as once (a reply lost and the request sent again).
CoreError RegistryAccounts::setRevoked(const Principal &who, const QString &deviceId, bool revoke)
{
    QSqlDatabase db = m_store.connection();
    QSqlQuery q(db);
    QString error;
    bool read;
    if (who.isAdmin())
        read =
            RegistrySql::run(q, QStringLiteral("SELECT user_id FROM devices WHERE device_id = ?"),
                             {deviceId}, &error);
    else if (who.isSupervisor())
        read = RegistrySql::run(
            q,
            QStringLiteral("SELECT d.user_id FROM devices d JOIN users u ON u.id = "
                           "d.user_id WHERE d.device_id = ? AND (u.id = ? OR "
                           "(u.province_id = ? AND u.role <> 'admin'))"),
            {deviceId, who.userId, who.provinceId}, &error);
    else
        read = RegistrySql::run(
            q, QStringLiteral("SELECT user_id FROM devices WHERE device_id = ? AND user_id = ?"),
            {deviceId, who.userId}, &error);
    if (!read)
        return RegistrySql::readFailed(error);
    QStringList users;
    while (q.next())
        users << q.value(0).toString();
    q.finish();
    if (users.isEmpty())
        return {CoreError::Code::NotFound,
                (revoke ? QObject::tr("Không có thiết bị '%1' mà bạn được thu hồi.")
                        : QObject::tr("Không có thiết bị '%1' mà bạn được khôi phục."))
                    .arg(deviceId.left(64))};
    // The command line at the server acts as an administrator without a user name.
    const QString by = who.username.isEmpty() ? QStringLiteral("ccn-registry") : who.username;
    if (QString why; !m_store.begin(db, &why))
        return {CoreError::Code::Sql, why};
    for (const QString &u : std::as_const(users)) {
        bool ok;
        if (revoke)
            ok =
                RegistrySql::run(q,
                                 QStringLiteral("UPDATE devices SET revoked_at = ?, revoked_by = ? "
                                                "WHERE user_id = ? AND device_id = ? AND "
                                                "revoked_at IS NULL"),
                                 {RegistrySql::now(), by, u, deviceId}, &error);
        else
            ok = RegistrySql::run(q,
                                  QStringLiteral("UPDATE devices SET revoked_at = NULL, revoked_by "
                                                 "= NULL WHERE user_id = ? AND device_id = ? AND "
                                                 "revoked_at IS NOT NULL"),
                                  {u, deviceId}, &error);
        // Sent twice is as once: only a change of state is an event.
        if (ok && q.numRowsAffected() > 0)
            ok = DeviceEvents::record(q, u, deviceId,
                                      revoke ? DeviceEvents::Action::Revoked
                                             : DeviceEvents::Action::Reinstated,
                                      by, &error);
        if (ok && revoke)
            ok = RegistrySql::run(
                q, QStringLiteral("DELETE FROM tokens WHERE user_id = ? AND device_id = ?"),
                {u, deviceId}, &error);
        if (!ok) {
            q.finish();
            db.rollback();
            return {CoreError::Code::Sql, error};
        }
    }
    if (!db.commit())
        return {CoreError::Code::Sql, db.lastError().text()};
    return {};
}
