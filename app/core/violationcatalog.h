#pragma once

#include "coreerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

// The kinds of violation the violation form offers, each with its legal basis and, where the
// law gives one, the fine range for an organisation (Decree 45/2022/NĐ-CP, Art. 15.3). The list
// is reference data compiled into the app: "violation_categories" in
// app/core/demo/checklist-default.json (format "ccn-checklist", version 1).
class ViolationCatalog
{
public:
    struct Category {
        QString code;                     // stored in violations.category
        QString title;                    // Vietnamese, shown in the form
        QString legalBasis;               // copied into violations.legal_basis
        QString defaultSeverity;          // minor | serious | very_serious
        std::optional<qint64> fineMinVnd; // empty: set in the record from the applicable decree
        std::optional<qint64> fineMaxVnd;

        bool isValid() const { return !code.isEmpty(); }
        // {code, title, legal_basis, default_severity, fine_min_vnd, fine_max_vnd} (fines null
        // when the law gives none), for QML and for violation rows.
        QVariantMap toMap() const;
    };

    // The compiled-in list, read once (thread-safe). Empty only if the resource is broken.
    static const QList<Category> &categories();
    // The category with this code, or an invalid Category.
    static Category find(const QString &code);
    static QVariantList toVariantList();

    // Reads "violation_categories" from a checklist document (format "ccn-checklist", v1).
    static CoreError parse(const QByteArray &json, QList<Category> *out);
    static CoreError parse(const QJsonObject &document, QList<Category> *out);
};
