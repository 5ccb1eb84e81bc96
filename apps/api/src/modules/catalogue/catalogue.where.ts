import type { CatalogueRecord, ProcedureLocalSettings, WhereToSubmit } from '@cqs/shared';
import type { UnitRecord } from '../units/units.repository';

const COMMUNE_CENTRE = 'Trung tâm Phục vụ hành chính công';

/** "Xã Hòa Phú" → "xã Hòa Phú", as it reads inside a sentence or a centre's name. */
function inSentence(fullName: string): string {
  return fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);
}

/**
 * Where a resident hands in a dossier. Deconcentrated central agencies (tax, customs, treasury,
 * social insurance: `central_branch`) are not served by the commune centre (DOMAIN.md §2), so their
 * page names the agency from the record instead of a centre.
 */
export function whereToSubmit(
  record: CatalogueRecord,
  local: ProcedureLocalSettings,
  context: { commune: UnitRecord | undefined; provinceCentre: UnitRecord | undefined },
): WhereToSubmit {
  const online = local.offeredOnline
    ? ' Bạn cũng có thể nộp hồ sơ trực tuyến trên Cổng dịch vụ công.'
    : '';
  if (record.central_branch) {
    const agency =
      record.implementing_agency ??
      record.competent_authority ??
      'cơ quan ngành dọc của Trung ương';
    const address = record.submission_address;
    return {
      receivingLevel: local.receivingLevel,
      kind: 'central_agency',
      unitCode: null,
      name: agency,
      address,
      note:
        'Thủ tục này do cơ quan ngành dọc của Trung ương (thuế, hải quan, kho bạc, bảo hiểm xã hội…) ' +
        'giải quyết, không tiếp nhận tại Trung tâm Phục vụ hành chính công cấp xã. ' +
        `Vui lòng liên hệ ${agency}${address ? ` (${address})` : ''}.${online}`,
    };
  }
  if (local.receivingLevel === 'commune') {
    const c = context.commune;
    return {
      receivingLevel: 'commune',
      kind: 'commune_centre',
      unitCode: c?.code ?? null,
      name: c ? `${COMMUNE_CENTRE} ${inSentence(c.full_name)}` : `${COMMUNE_CENTRE} cấp xã`,
      address: record.submission_address,
      note: c
        ? `Nộp hồ sơ tại ${COMMUNE_CENTRE} ${inSentence(c.full_name)}.${online}`
        : `Nộp hồ sơ tại ${COMMUNE_CENTRE} của xã, phường nơi bạn cư trú; chọn xã, phường để xem nơi nộp cụ thể.${online}`,
    };
  }
  const centre = context.provinceCentre;
  const name = centre?.full_name ?? `${COMMUNE_CENTRE} tỉnh Đắk Lắk`;
  return {
    receivingLevel: 'province',
    kind: 'province_centre',
    unitCode: centre?.code ?? null,
    name,
    address: record.submission_address,
    note: `Thủ tục cấp tỉnh: nộp hồ sơ tại ${name}.${online}`,
  };
}
