#pragma once

#include <QByteArray>
#include <QString>

// An error as the API reports it: HTTP status, a stable code and a message for people.
// Wire form: {"code": "...", "message": "..."}.
class ApiError
{
public:
    int status = 0;
    QString code;
    QString message;

    bool isError() const { return status != 0; }
    QByteArray toJson() const;
    static ApiError fromJson(int status, const QByteArray &json);
};
