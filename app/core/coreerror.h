#pragma once

#include <QString>

// An error as the core reports it: a code that callers branch on and a message for the user.
class CoreError
{
public:
    enum class Code {
        None,
        DatabaseOpen,
        SchemaTooNew,
        MigrationFailed,
        Sql,
        NotFound,
        InvalidInput,
        MissingAnswers,
        NotEditable,
        PhotoUnreadable,
        PhotoTooLarge,
        Io,
        Position,
        Outdated, // what the user decided on has changed since they looked
        Taken,    // the id belongs to someone else (a device id another tablet registered)
    };

    CoreError() = default;
    CoreError(Code code, QString message) : m_code(code), m_message(std::move(message)) {}

    static CoreError none() { return {}; }

    bool ok() const { return m_code == Code::None; }
    bool failed() const { return m_code != Code::None; }
    Code code() const { return m_code; }
    QString message() const { return m_message; }

private:
    Code m_code = Code::None;
    QString m_message;
};
