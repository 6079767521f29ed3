#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

class PulledPage;

// Reads pulled pages (PulledPage::read: simdjson over a reply's text) on a thread of its own, so
// that the UI thread does not stop for it: a 10,000-row page took ~10 ms of CPU here, more on a
// tablet. `done` is called on this object's thread with read()'s result; pages are read in the
// order handed over. Nothing is called once this object is destroyed: the destructor waits for
// the page being read, and the answers still queued are dropped with it.
class PageReader : public QObject
{
    Q_OBJECT
public:
    explicit PageReader(QObject *parent = nullptr);
    ~PageReader() override;

    // Reads `body` into `page` (which must not be used elsewhere until `done`).
    void read(std::shared_ptr<PulledPage> page, QByteArray body, std::function<void(bool ok)> done);

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread
};
