#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>

// Turns a valid request body into a nearly valid one, deterministically from its generator: on the
// text, a byte changed, a range cut or doubled, a token put in (a quote, a bracket, a cut UTF-8
// sequence, a huge number), or the text cut short; on the parsed document, one value swapped for
// one of another kind or size, a member taken out, or an unknown member added. Used to look for
// answers a registry must never give to bad input (5xx, none, an error without words).
class BodyMutator
{
public:
    explicit BodyMutator(quint32 seed) : m_rng(seed) {}

    QByteArray mutate(const QByteArray &body)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject() && m_rng.bounded(2) == 0) {
            QJsonValue root = doc.object();
            int index = int(m_rng.bounded(count(root)));
            root = changed(root, &index);
            return QJsonDocument(root.toObject()).toJson(QJsonDocument::Compact);
        }
        return mutateText(body);
    }

private:
    static int count(const QJsonValue &v)
    {
        int n = 1;
        if (v.isObject())
            for (const QJsonValue &c : v.toObject())
                n += count(c);
        if (v.isArray())
            for (const QJsonValue &c : v.toArray())
                n += count(c);
        return n;
    }

    // The value at preorder position *index changed; the others as they were.
    QJsonValue changed(const QJsonValue &v, int *index)
    {
        if ((*index)-- == 0)
            return odd(v);
        if (v.isObject()) {
            QJsonObject o = v.toObject();
            for (const QString &k : o.keys()) {
                const bool here = *index == 0;
                const QJsonValue c = changed(o.value(k), index);
                if (here && m_rng.bounded(4) == 0)
                    o.remove(k); // the member taken out instead
                else
                    o.insert(k, c);
            }
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i)
                a[i] = changed(a.at(i), index);
            return a;
        }
        return v;
    }

    // A value of another kind or size than `was`.
    QJsonValue odd(const QJsonValue &was)
    {
        QJsonArray deep;
        for (int i = 0; i < 300; ++i)
            deep = QJsonArray{deep};
        QJsonObject withUnknown = was.toObject();
        withUnknown.insert(QStringLiteral("unknown_member"), 1);
        const QList<QJsonValue> values{
            QJsonValue(),
            true,
            -1,
            0,
            1.5,
            1e308,
            -9007199254740993.0,
            QString(),
            QString(70000, QLatin1Char('x')),
            QStringLiteral("'; DROP TABLE records; --"),
            QStringLiteral("../../etc/passwd"),
            QString(QChar(0)),
            QStringLiteral("Cụm công nghiệp 🏭"),
            QJsonArray(),
            QJsonObject(),
            deep,
            QJsonArray{was, was},
            withUnknown,
        };
        return values.at(int(m_rng.bounded(qsizetype(values.size()))));
    }

    QByteArray mutateText(QByteArray body)
    {
        static const QList<QByteArray> tokens{
            "\"",   "{",        "}",           "[",        "]",    ",",    ":",
            "\\",   "\\u",      "\\ud800",     "1e999",    "-",    "null", QByteArray(1, '\0'),
            "\xff", "\xe1\xba", "\"\\ud800\"", "[[[[[[[[", "}}}}", "0x10", "NaN"};
        if (body.isEmpty())
            return tokens.at(int(m_rng.bounded(qsizetype(tokens.size()))));
        const int at = int(m_rng.bounded(body.size()));
        const int len = 1 + int(m_rng.bounded(qMin<qsizetype>(40, body.size() - at)));
        switch (m_rng.bounded(5)) {
        case 0:
            body[at] = char(m_rng.bounded(256));
            break;
        case 1:
            body.remove(at, len);
            break;
        case 2:
            body.insert(at, body.mid(at, len));
            break;
        case 3:
            body.insert(at, tokens.at(int(m_rng.bounded(qsizetype(tokens.size())))));
            break;
        default:
            body.truncate(at);
            break;
        }
        return body;
    }

    QRandomGenerator m_rng;
};
