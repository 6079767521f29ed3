<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../pages/CameraPage.qml" line="20" />
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <location filename="../pages/CameraPage.qml" line="68" />
        <source>Chụp</source>
        <translation>Capture</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="320" />
        <source>Bắt buộc: hãy chụp hoặc chọn ít nhất một ảnh.</source>
        <translation>Required: take or choose at least one photo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checklistmodel.cpp" line="321" />
        <source>Bắt buộc: hãy trả lời câu hỏi này trước khi gửi.</source>
        <translation>Required: answer this question before submitting.</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="47" />
        <source>Phiếu kiểm tra — %1</source>
        <translation>Checklist — %1</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="88" />
        <source>%1/%2 câu</source>
        <translation>%1/%2 answered</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="99" />
        <source>Đến mục…</source>
        <translation>Go to section…</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="121" />
        <source>Câu hỏi</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="121" />
        <source>Thành phần, kết luận</source>
        <translation>Participants, conclusions</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="121" />
        <source>Tiến độ hạ tầng</source>
        <translation>Infrastructure progress</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="171" />
        <source>Tiến độ hạ tầng — số liệu ghi trong cuộc kiểm tra này</source>
        <translation>Infrastructure progress — readings recorded in this inspection</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="233" />
        <source>Vi phạm đã ghi nhận (%1)</source>
        <translation>Recorded violations (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="245" />
        <source>hạn %1</source>
        <translation>due %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ChecklistPage.qml" line="245" />
        <source>%n ảnh</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="253" />
        <source>+ Ghi nhận vi phạm</source>
        <translation>+ Record a violation</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="260" />
        <source>Ảnh của cuộc kiểm tra (%1)</source>
        <translation>Inspection photos (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="289" />
        <source>Câu trả lời được lưu ngay khi nhập.</source>
        <translation>Answers are saved as you enter them.</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="289" />
        <source>Cuộc kiểm tra đã gửi: chỉ xem.</source>
        <translation>Inspection submitted: read only.</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="302" />
        <source>Gửi kết quả kiểm tra</source>
        <translation>Submit inspection</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="315" />
        <source>Chưa gửi được</source>
        <translation>Not submitted yet</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="331" />
        <source>Đã gửi</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../pages/ChecklistPage.qml" line="336" />
        <source>Kết quả kiểm tra đã được lưu và sẽ được đồng bộ khi có mạng.</source>
        <translation>The inspection is saved and will be synced when there is a network.</translation>
    </message>
</context>
<context>
    <name>ClusterController</name>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="58" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="59" />
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="60" />
        <source>Diện tích quy hoạch</source>
        <translation>Planned area</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="61" />
        <source>Đất công nghiệp</source>
        <translation>Industrial land</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="62" />
        <source>Đã cho thuê</source>
        <translation>Leased</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="63" />
        <source>Tỷ lệ lấp đầy</source>
        <translation>Fill rate</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="64" />
        <source>chưa rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="65" />
        <source>Chủ đầu tư hạ tầng</source>
        <translation>Infrastructure investor</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="66" />
        <source>Vốn đầu tư</source>
        <translation>Investment capital</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="69" />
        <source>%1 tỷ đồng</source>
        <translation>VND %1 billion</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="71" />
        <source>Quyết định thành lập</source>
        <translation>Establishment decision</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="72" />
        <source>Quy hoạch chi tiết</source>
        <translation>Detailed plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="73" />
        <source>Đã phê duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="74" />
        <source>Chưa phê duyệt</source>
        <translation>Not approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="75" />
        <source>Xử lý nước thải</source>
        <translation>Wastewater treatment</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="81" />
        <source>Số lao động</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="82" />
        <source>Số cơ sở sản xuất</source>
        <translation>Tenants</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="132" />
        <source>chưa có số liệu</source>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="181" />
        <source>Hãy nhập tỷ lệ hoàn thành (0–100).</source>
        <translation>Enter the completion percentage (0–100).</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="184" />
        <source>“%1” không phải là số. Ví dụ: 62,5</source>
        <translation>“%1” is not a number. Example: 62.5</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="186" />
        <source>Tỷ lệ hoàn thành phải từ 0 đến 100 %.</source>
        <translation>The completion must be between 0 and 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="189" />
        <source>Hãy nhập ngày ghi nhận.</source>
        <translation>Enter the date of the reading.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="192" />
        <source>“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/06/2026.</source>
        <translation>“%1” is not a date. Enter day/month/year, e.g. 15/06/2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="196" />
        <source>Ngày ghi nhận không được sau hôm nay.</source>
        <translation>The date of the reading cannot be after today.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="198" />
        <source>Ngày ghi nhận phải từ năm 2000 trở đi.</source>
        <translation>The date of the reading must be in 2000 or later.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="200" />
        <source>Quá dài: %1 ký tự, tối đa %2.</source>
        <translation>Too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/clustercontroller.cpp" line="206" />
        <source>Hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Correct the fields marked in red.</translation>
    </message>
</context>
<context>
    <name>ClusterListPage</name>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="14" />
        <source>Cụm công nghiệp</source>
        <translation>Industrial clusters</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="28" />
        <source>Tìm theo tên cụm, mã, chủ đầu tư, địa phương…</source>
        <translation>Search by cluster name, code, investor, place…</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="46" />
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="64" />
        <source>Chưa có trạm xử lý nước thải</source>
        <translation>No wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="70" />
        <source>Có vi phạm chưa khắc phục</source>
        <translation>Open violations</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="77" />
        <source>%n cụm</source>
        <translation>
            <numerusform>%n cluster</numerusform>
            <numerusform>%n clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="148" />
        <source>%n cơ sở sản xuất</source>
        <translation>
            <numerusform>%n tenant</numerusform>
            <numerusform>%n tenants</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="160" />
        <source>Lấp đầy %1</source>
        <translation>Filled %1</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="160" />
        <source>Lấp đầy: chưa rõ</source>
        <translation>Fill rate: unknown</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterListPage.qml" line="175" />
        <source>%n vi phạm chưa khắc phục</source>
        <translation>
            <numerusform>%n open violation</numerusform>
            <numerusform>%n open violations</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="195" />
        <source>Cơ sở sản xuất và cuộc kiểm tra</source>
        <translation>Tenants and inspections</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="222" />
        <source>Không có cụm nào khớp. Hãy bỏ bớt bộ lọc hoặc sửa từ khoá.</source>
        <translation>No cluster matches. Remove a filter or change the search words.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterListPage.qml" line="224" />
        <source>Đang tải danh sách cụm…</source>
        <translation>Loading the clusters…</translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <location filename="../pages/ClusterPage.qml" line="34" />
        <source>Đã chuyển vi phạm sang “%1”.</source>
        <translation>The violation was moved to “%1”.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="69" />
        <source>Bắt đầu kiểm tra</source>
        <translation>Start an inspection</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="110" />
        <source>Bắt đầu kiểm tra tại hiện trường</source>
        <translation>Start the on-site inspection</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="110" />
        <source>Tiếp tục cuộc kiểm tra đang làm</source>
        <translation>Continue the inspection in progress</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="123" />
        <source>Thông tin chính</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="181" />
        <source>Tiến độ hạ tầng</source>
        <translation>Infrastructure progress</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="335" />
        <source>Theo dõi vi phạm</source>
        <translation>Violation follow-up</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="341" />
        <source>Chuyển vi phạm sang trạng thái “%1”? Sau khi chuyển không thể quay lại trạng thái trước.</source>
        <translation>Move the violation to “%1”? It cannot be moved back afterwards.</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="193" />
        <source>Vi phạm chưa khắc phục (%1)</source>
        <translation>Open violations (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="232" />
        <source>hạn %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="247" />
        <source>Chuyển sang:</source>
        <translation>Move to:</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="278" />
        <source>Cơ sở sản xuất (%1)</source>
        <translation>Tenants (%1)</translation>
    </message>
    <message>
        <location filename="../pages/ClusterPage.qml" line="303" />
        <source>Các lần kiểm tra (%1)</source>
        <translation>Past inspections (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../pages/ClusterPage.qml" line="313" />
        <source>%n vi phạm</source>
        <translation>
            <numerusform>%n violation</numerusform>
            <numerusform>%n violations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="20" />
        <source>Trong quy hoạch</source>
        <translation>In the plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="22" />
        <source>Đang thẩm định hồ sơ</source>
        <translation>Dossier under appraisal</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="24" />
        <source>Đã thành lập</source>
        <translation>Established</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="26" />
        <source>Đã duyệt quy hoạch chi tiết</source>
        <translation>Detailed plan approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="28" />
        <source>Đã duyệt dự án hạ tầng</source>
        <translation>Infrastructure project approved</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="30" />
        <source>Đang xây dựng hạ tầng</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="32" />
        <location filename="../../app/ui/domainlabels.cpp" line="62" />
        <source>Đang hoạt động</source>
        <translation>Operating</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="34" />
        <source>Đã mở rộng</source>
        <translation>Expanded</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="36" />
        <source>Đã điều chỉnh</source>
        <translation>Adjusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="38" />
        <source>Đã thu hồi quyết định thành lập</source>
        <translation>Establishment revoked</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="40" />
        <source>Đã rút khỏi quy hoạch</source>
        <translation>Removed from the plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="42" />
        <source>Hoạt động nhưng chưa thành lập</source>
        <translation>Operating, not established</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="49" />
        <source>Chưa có trạm xử lý nước thải</source>
        <translation>No wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="51" />
        <source>Trạm xử lý nước thải: mới có kế hoạch</source>
        <translation>Wastewater plant: planned only</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="53" />
        <source>Trạm xử lý nước thải đang xây dựng</source>
        <translation>Wastewater plant under construction</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="55" />
        <source>Trạm xử lý nước thải đang vận hành</source>
        <translation>Wastewater plant operating</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="64" />
        <source>Chậm tiến độ</source>
        <translation>Behind schedule</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="66" />
        <source>Chưa triển khai</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="68" />
        <source>Chuyển nhượng trái phép</source>
        <translation>Illegal transfer</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="75" />
        <source>Nhẹ</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="77" />
        <source>Nghiêm trọng</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="79" />
        <source>Rất nghiêm trọng</source>
        <translation>Very serious</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="86" />
        <source>Chưa khắc phục</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="88" />
        <source>Đang khắc phục</source>
        <translation>Being remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="90" />
        <source>Báo đã khắc phục</source>
        <translation>Reported fixed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="92" />
        <source>Đã xác nhận khắc phục</source>
        <translation>Verified fixed</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="94" />
        <source>Đã chuyển xử lý</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="101" />
        <source>Kiểm tra định kỳ</source>
        <translation>Periodic inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="103" />
        <source>Kiểm tra đột xuất</source>
        <translation>Unscheduled inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="105" />
        <source>Kiểm tra lại</source>
        <translation>Follow-up inspection</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="107" />
        <source>Xác minh tiến độ</source>
        <translation>Progress verification</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="114" />
        <source>Đang làm</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="116" />
        <source>Đã gửi</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="123" />
        <source>Giải phóng mặt bằng</source>
        <translation>Site clearance</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="125" />
        <source>Đường nội bộ</source>
        <translation>Internal roads</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="127" />
        <source>Cấp điện</source>
        <translation>Power supply</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="129" />
        <source>Cấp nước</source>
        <translation>Water supply</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="131" />
        <source>Thoát nước</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="133" />
        <source>Thoát nước mưa</source>
        <translation>Stormwater drainage</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="135" />
        <source>Trạm xử lý nước thải tập trung</source>
        <translation>Central wastewater treatment plant</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="137" />
        <source>Hạng mục khác</source>
        <translation>Other item</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="185" />
        <source>%1–%2 triệu đồng</source>
        <translation>VND %1–%2 million</translation>
    </message>
    <message>
        <location filename="../../app/ui/domainlabels.cpp" line="186" />
        <source>%1 triệu đồng</source>
        <translation>VND %1 million</translation>
    </message>
</context>
<context>
    <name>InfrastructureProgress</name>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="44" />
        <source>Đã lưu số liệu tiến độ.</source>
        <translation>Progress reading saved.</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="56" />
        <source>Chưa có hạng mục hạ tầng.</source>
        <translation>No infrastructure items yet.</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="83" />
        <source>ngày %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="103" />
        <source>+ Ghi số liệu mới</source>
        <translation>+ Record a reading</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="104" />
        <source>Ghi số liệu mới cho %1</source>
        <translation>Record a reading for %1</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="111" />
        <source>Ẩn lịch sử</source>
        <translation>Hide history</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="111" />
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="141" />
        <source>Tỷ lệ hoàn thành (%)</source>
        <translation>Completion (%)</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="151" />
        <source>0–100, ví dụ 62,5</source>
        <translation>0–100, e.g. 62.5</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="166" />
        <source>Ngày ghi nhận (ngày/tháng/năm)</source>
        <translation>Date observed (day/month/year)</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="187" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="195" />
        <source>Ví dụ: đã trải nhựa tuyến chính</source>
        <translation>Example: main road asphalted</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="215" />
        <source>Lưu số liệu</source>
        <translation>Save reading</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="221" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="244" />
        <source>trong cuộc kiểm tra</source>
        <translation>during an inspection</translation>
    </message>
    <message>
        <location filename="../components/InfrastructureProgress.qml" line="252" />
        <source>Chưa có số liệu nào.</source>
        <translation>No readings yet.</translation>
    </message>
</context>
<context>
    <name>InspectionController</name>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="91" />
        <source>Không có toạ độ</source>
        <translation>No coordinates</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="137" />
        <source>Vĩ độ “%1” không phải là số (ví dụ: 20,0456).</source>
        <translation>Latitude “%1” is not a number (e.g. 20.0456).</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="139" />
        <source>Kinh độ “%1” không phải là số (ví dụ: 106,0212).</source>
        <translation>Longitude “%1” is not a number (e.g. 106.0212).</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="161" />
        <source>Không tìm thấy cụm công nghiệp này.</source>
        <translation>This industrial cluster was not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="165" />
        <source>Chưa có mẫu phiếu kiểm tra trên máy. Hãy đồng bộ dữ liệu rồi thử lại.</source>
        <translation>There is no checklist template on this device. Sync, then try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="180" />
        <source>Vị trí từ thiết bị không hợp lệ nên không được ghi: %1</source>
        <translation>The device position is not valid and was not recorded: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="190" />
        <source>Chưa có vị trí: cuộc kiểm tra được bắt đầu không kèm toạ độ. Có thể nhập toạ độ bằng tay trong bảng vị trí.</source>
        <translation>No position yet: the inspection was started without coordinates. You can type coordinates in the position panel.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="199" />
        <source>Cảnh báo: vị trí hiện tại nằm ngoài ranh giới cụm, cách khoảng %1 m. Hãy kiểm tra lại bạn đang ở đúng cụm %2.</source>
        <translation>Warning: you are outside the cluster boundary, about %1 m away. Check that you are at %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="223" />
        <source>Không tìm thấy cuộc kiểm tra.</source>
        <translation>Inspection not found.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="302" />
        <source>Hãy chọn loại vi phạm.</source>
        <translation>Choose the kind of violation.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="306" />
        <source>Hãy chọn mức độ vi phạm.</source>
        <translation>Choose the severity.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="309" />
        <source>Hãy mô tả điều đã thấy tại hiện trường.</source>
        <translation>Describe what you saw on site.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="314" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="516" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="519" />
        <source>Quá dài: %1 ký tự, tối đa %2.</source>
        <translation>Too long: %1 characters, at most %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="317" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="478" />
        <source>Quá dài: %1 ký tự, tối đa 300.</source>
        <translation>Too long: %1 characters, at most 300.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="325" />
        <source>“%1” không phải là ngày. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/12/2026.</source>
        <translation>“%1” is not a date. Enter day/month/year, e.g. 31/12/2026.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="329" />
        <source>Hạn khắc phục phải trong khoảng năm 2000–2100.</source>
        <translation>The deadline must be between the years 2000 and 2100.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="336" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="486" />
        <source>Hãy sửa các ô được đánh dấu đỏ.</source>
        <translation>Correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="391" />
        <source>Hãy bắt đầu một cuộc kiểm tra trước khi thêm ảnh.</source>
        <translation>Start an inspection before adding photos.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="395" />
        <source>Không tìm thấy tệp ảnh: %1</source>
        <translation>Photo file not found: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="469" />
        <source>Hãy nhập họ tên người tham gia.</source>
        <translation>Enter the participant’s full name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="472" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="475" />
        <source>Quá dài: %1 ký tự, tối đa 200.</source>
        <translation>Too long: %1 characters, at most 300. {1 ?} {200.?}</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="482" />
        <location filename="../../app/ui/inspectioncontroller.cpp" line="524" />
        <source>Hãy bắt đầu một cuộc kiểm tra trước.</source>
        <translation>Start an inspection first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/inspectioncontroller.cpp" line="525" />
        <source>Chưa lưu: hãy rút ngắn nội dung.</source>
        <translation>Not saved: shorten the text.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../pages/LoginPage.qml" line="15" />
        <location filename="../pages/LoginPage.qml" line="100" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="42" />
        <source>Đăng nhập để đồng bộ dữ liệu với hệ thống quản lý cụm công nghiệp của tỉnh.</source>
        <translation>Log in to sync with the province&apos;s industrial cluster registry.</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="47" />
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="61" />
        <source>Tên đăng nhập</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="74" />
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../pages/LoginPage.qml" line="100" />
        <source>Đang đăng nhập…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Nguyễn Văn An</source>
        <translation>Nguyễn Văn An</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Phó Giám đốc</source>
        <translation>Deputy Director</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Sở Công Thương</source>
        <translation>Department of Industry and Trade</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Trần Thị Bích Ngọc</source>
        <translation>Trần Thị Bích Ngọc</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Chuyên viên</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Lê Văn Minh</source>
        <translation>Lê Văn Minh</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Phó Chủ tịch</source>
        <translation>Vice Chairman</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>UBND xã</source>
        <translation>Commune People’s Committee</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Phạm Thị Hoa</source>
        <translation>Phạm Thị Hoa</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Giám đốc</source>
        <translation>Director</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="139" />
        <source>Chủ đầu tư hạ tầng</source>
        <translation>Infrastructure investor</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="146" />
        <source>Đoàn đã kiểm tra hiện trường và hồ sơ của cụm. Hệ thống thoát nước mưa chưa hoàn thành ở phía đông.</source>
        <translation>The team inspected the site and the cluster’s records. The stormwater system is unfinished on the east side.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="158" />
        <source>Hệ thống thoát nước mưa chưa hoàn thành, nước mưa chảy tràn vào khu đất trống.</source>
        <translation>The stormwater system is unfinished; rainwater overflows onto vacant land.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="159" />
        <source>Hoàn thành tuyến thoát nước mưa phía đông.</source>
        <translation>Finish the eastern stormwater line.</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="193" />
        <source>Kiểm tra CCN</source>
        <translation>CCN Inspect</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="228" />
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="250" />
        <source>DỮ LIỆU MINH HOẠ</source>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="250" />
        <source>MINH HOẠ</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="264" />
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="264" />
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <location filename="../Main.qml" line="264" />
        <source>%n chờ gửi</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../Main.qml" line="268" />
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="287" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="400" />
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="409" />
        <source>Không mở được cơ sở dữ liệu trên máy</source>
        <translation>The database on this device cannot be opened</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <location filename="../components/MinutesPanel.qml" line="110" />
        <source>I. Thành phần tham gia (%1)</source>
        <translation>I. Participants (%1)</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="116" />
        <source>Chưa có người tham gia. Biên bản liệt kê từng người theo cơ quan: họ tên, chức vụ.</source>
        <translation>No participants yet. The minutes list each person by agency: full name, position.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="160" />
        <source>Sửa</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="161" />
        <source>Sửa %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="170" />
        <source>Xoá</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="171" />
        <source>Xoá %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="199" />
        <source>Thêm người tham gia</source>
        <translation>Add a participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="199" />
        <source>Sửa người tham gia</source>
        <translation>Edit participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="214" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="224" />
        <source>Ví dụ: Nguyễn Văn An</source>
        <translation>Example: Nguyễn Văn An</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="238" />
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="247" />
        <source>Ví dụ: Phó Giám đốc</source>
        <translation>Example: Deputy Director</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="261" />
        <source>Cơ quan, đơn vị</source>
        <translation>Agency, unit</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="270" />
        <source>Ví dụ: Sở Công Thương</source>
        <translation>Example: Department of Industry and Trade</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="291" />
        <source>+ Thêm vào biên bản</source>
        <translation>+ Add to the minutes</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="291" />
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="298" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="307" />
        <source>II. Nội dung làm việc, kết quả kiểm tra</source>
        <translation>II. Work done and findings</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="318" />
        <source>Điều đã thấy, ý kiến của từng cơ quan…</source>
        <translation>What was seen, each agency’s opinion…</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="343" />
        <source>III. Kết luận và kiến nghị</source>
        <translation>III. Conclusions and requests</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="350" />
        <source>+ Thêm ý (Một là…, Hai là…)</source>
        <translation>+ Add a point (Một là…, Hai là…)</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="363" />
        <source>Một là, …
Hai là, …</source>
        <translation>Một là (first), …
Hai là (second), …</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="385" />
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="385" />
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="400" />
        <source>Xoá người tham gia</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <location filename="../components/MinutesPanel.qml" line="411" />
        <source>Xoá %1 khỏi thành phần tham gia?</source>
        <translation>Remove %1 from the participants?</translation>
    </message>
</context>
<context>
    <name>ParticipantModel</name>
    <message>
        <location filename="../../app/ui/participantmodel.cpp" line="29" />
        <source>Chưa ghi cơ quan</source>
        <translation>No agency given</translation>
    </message>
</context>
<context>
    <name>PhotoModel</name>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="66" />
        <source>Ảnh không có toạ độ</source>
        <translation>The photo has no coordinates</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="69" />
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="71" />
        <source>Chụp bằng máy</source>
        <translation>Taken with the camera</translation>
    </message>
    <message>
        <location filename="../../app/ui/photomodel.cpp" line="71" />
        <source>Chọn từ tệp</source>
        <translation>Chosen from a file</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../components/PhotoStrip.qml" line="37" />
        <source>Chưa có ảnh.</source>
        <translation>No photos yet.</translation>
    </message>
</context>
<context>
    <name>PhotoViewPage</name>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="14" />
        <source>Ảnh hiện trường</source>
        <translation>Site photo</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>Thời điểm chụp</source>
        <translation>Taken at</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>Toạ độ (GPS)</source>
        <translation>Coordinates (GPS)</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>Độ chính xác</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="44" />
        <source>Kích thước</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../pages/PhotoViewPage.qml" line="69" />
        <source>Không đọc được tệp ảnh.</source>
        <translation>The photo file cannot be read.</translation>
    </message>
</context>
<context>
    <name>PositionIndicator</name>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26" />
        <source>Chưa có vị trí</source>
        <translation>No position</translation>
    </message>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26" />
        <source>độ chính xác ?</source>
        <translation>accuracy ?</translation>
    </message>
    <message>
        <location filename="../components/PositionIndicator.qml" line="26" />
        <source>%1 giây trước</source>
        <translation>%1 s ago</translation>
    </message>
</context>
<context>
    <name>PositionPanel</name>
    <message>
        <location filename="../components/PositionPanel.qml" line="29" />
        <source>Vị trí: %1, %2</source>
        <translation>Position: %1, %2</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="29" />
        <source>Chưa có vị trí từ thiết bị</source>
        <translation>No position from the device yet</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="36" />
        <source>Độ chính xác: %1 · cập nhật %2 giây trước · nguồn: %3</source>
        <translation>Accuracy: %1 · updated %2 s ago · source: %3</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="36" />
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="62" />
        <source>Đang lấy trung bình (%1 điểm)…</source>
        <translation>Averaging (%1 fixes)…</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="62" />
        <source>Lấy vị trí trung bình</source>
        <translation>Average the position</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="80" />
        <source>Trung bình %1 điểm: %2, %3 (± %4 m)</source>
        <translation>Average of %1 fixes: %2, %3 (± %4 m)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="84" />
        <source>Hoặc nhập toạ độ bằng tay (độ thập phân):</source>
        <translation>Or type coordinates (decimal degrees):</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="97" />
        <source>Vĩ độ (vd. 20,0456)</source>
        <translation>Latitude (e.g. 20.0456)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="108" />
        <source>Kinh độ (vd. 106,0212)</source>
        <translation>Longitude (e.g. 106.0212)</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="118" />
        <source>Dùng toạ độ này</source>
        <translation>Use these coordinates</translation>
    </message>
    <message>
        <location filename="../components/PositionPanel.qml" line="136" />
        <source>Sẽ dùng toạ độ nhập tay: %1</source>
        <translation>Typed coordinates will be used: %1</translation>
    </message>
</context>
<context>
    <name>QuestionDelegate</name>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="65" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="68" />
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="71" />
        <source>Không áp dụng</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="120" />
        <source>Nhập số</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="141" />
        <source>Ghi nội dung…</source>
        <translation>Write here…</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="163" />
        <source>Chọn ảnh từ tệp…</source>
        <translation>Choose a photo file…</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="171" />
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message numerus="yes">
        <location filename="../components/QuestionDelegate.qml" line="177" />
        <source>%n ảnh</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="208" />
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../components/QuestionDelegate.qml" line="209" />
        <source>Ảnh (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages/SettingsPage.qml" line="13" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="31" />
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="52" />
        <source>Họ tên cán bộ kiểm tra</source>
        <translation>Inspector&apos;s full name</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="64" />
        <source>Nguồn vị trí</source>
        <translation>Position source</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="72" />
        <source>Định vị của máy</source>
        <translation>The device&apos;s positioning</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="81" />
        <source>Tệp nhật ký NMEA</source>
        <translation>NMEA log file</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="97" />
        <source>Đường dẫn tệp .nmea</source>
        <translation>Path of the .nmea file</translation>
    </message>
    <message>
        <location filename="../pages/SettingsPage.qml" line="105" />
        <source>Dùng tệp này</source>
        <translation>Use this file</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../pages/SyncPage.qml" line="18" />
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="19" />
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="22" />
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="54" />
        <source>Đang có mạng</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="54" />
        <source>Không có mạng — dữ liệu được lưu trên máy và sẽ gửi khi có mạng</source>
        <translation>No network — data is kept on this device and sent when online</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="61" />
        <source>Người dùng: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="61" />
        <source>Chưa đăng nhập</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="68" />
        <source>Mọi thay đổi đã được gửi lên máy chủ.</source>
        <translation>All changes have been sent to the server.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="68" />
        <source>Đang chờ gửi: %1 bản ghi, %2 ảnh (%3)</source>
        <translation>Waiting to send: %1 records, %2 photos (%3)</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="74" />
        <source>Đồng bộ thành công lần cuối: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="74" />
        <source>Chưa đồng bộ lần nào.</source>
        <translation>Never synced.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="99" />
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="99" />
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="107" />
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="116" />
        <source>%1 thay đổi bị máy chủ từ chối (vẫn giữ trên máy):</source>
        <translation>%1 changes refused by the server (kept on this device):</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="130" />
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="136" />
        <source>Gửi lại</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="147" />
        <source>Xung đột cần xử lý: %1</source>
        <translation>Conflicts to resolve: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="147" />
        <source>Không có xung đột cần xử lý.</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="153" />
        <source>Tải lại danh sách xung đột</source>
        <translation>Reload conflicts</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="171" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="178" />
        <source>Đang dùng: %1</source>
        <translation>In use: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="184" />
        <source>Giá trị bị giữ lại: %1</source>
        <translation>Held-back value: %1</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="191" />
        <source>Giữ giá trị đang dùng</source>
        <translation>Keep the value in use</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="197" />
        <source>Dùng giá trị bị giữ lại</source>
        <translation>Use the held-back value</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="210" />
        <source>Đăng xuất</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../pages/SyncPage.qml" line="227" />
        <source>Đăng xuất khi còn dữ liệu chưa gửi?</source>
        <translation>Log out with unsent data?</translation>
    </message>
</context>
<context>
    <name>ViolationFormPage</name>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="61" />
        <source>Ghi nhận vi phạm</source>
        <translation>Record a violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="61" />
        <source>Sửa vi phạm</source>
        <translation>Edit violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="82" />
        <source>Loại vi phạm</source>
        <translation>Kind of violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="94" />
        <source>Chọn loại vi phạm…</source>
        <translation>Choose the kind of violation…</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="106" />
        <source>Căn cứ: %1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="106" />
        <source>Mức phạt: %1</source>
        <translation>Fine: %1</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="114" />
        <source>Mức độ</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="141" />
        <source>Nội dung vi phạm (điều đã thấy)</source>
        <translation>What was seen</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="152" />
        <source>Mô tả cụ thể điều quan sát được tại hiện trường</source>
        <translation>Describe exactly what you observed on site</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="166" />
        <source>Biện pháp khắc phục yêu cầu</source>
        <translation>Required remedy</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="197" />
        <source>Hạn khắc phục (ngày/tháng/năm)</source>
        <translation>Deadline (day/month/year)</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="221" />
        <source>Đơn vị chịu trách nhiệm</source>
        <translation>Responsible party</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="241" />
        <source>Ảnh làm chứng cứ</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="247" />
        <source>Lưu vi phạm trước, sau đó thêm ảnh.</source>
        <translation>Save the violation first, then add photos.</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="263" />
        <source>Thêm ảnh từ tệp…</source>
        <translation>Add a photo file…</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="271" />
        <source>Chụp ảnh</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="298" />
        <source>Lưu vi phạm</source>
        <translation>Save violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="307" />
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="317" />
        <source>Xoá vi phạm</source>
        <translation>Delete violation</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="329" />
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="339" />
        <source>Chọn ảnh</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <location filename="../pages/ViolationFormPage.qml" line="340" />
        <source>Ảnh (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
</TS>
