#include "pagereader.h"

#include "pulledpage.h"

PageReader::PageReader(QObject *parent) : QObject(parent), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("ccn-pull-read"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

PageReader::~PageReader()
{
    m_thread.quit(); // after the page being read; pages not begun are not read
    m_thread.wait();
    delete m_context;
}

void PageReader::read(std::shared_ptr<PulledPage> page, QByteArray body,
                      std::function<void(bool ok)> done)
{
    QMetaObject::invokeMethod(
        m_context,
        [this, page = std::move(page), body = std::move(body), done = std::move(done)]() mutable {
            const bool ok = page->read(body);
            body = QByteArray(); // the reply's text goes here, not on the caller's thread
            page.reset();
            QMetaObject::invokeMethod(
                this, [done = std::move(done), ok] { done(ok); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
