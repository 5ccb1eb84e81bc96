import { genericFormFromProcedure, type ProcedureRecordLike } from './generic';
import { banSaoTrichLucForm } from './schemas/ban-sao-trich-luc';
import { datDaiLanDauForm } from './schemas/dat-dai-lan-dau';
import { giaHanTamTruForm } from './schemas/gia-han-tam-tru';
import { hoKinhDoanhForm } from './schemas/ho-kinh-doanh';
import { hoNgheoForm } from './schemas/ho-ngheo';
import { hoaGiaiDatDaiForm } from './schemas/hoa-giai-dat-dai';
import { ketHonForm } from './schemas/ket-hon';
import { khaiSinhForm } from './schemas/khai-sinh';
import { khaiTuForm } from './schemas/khai-tu';
import { tamTruForm } from './schemas/tam-tru';
import { tamVangForm } from './schemas/tam-vang';
import { thayDoiHoTichForm } from './schemas/thay-doi-ho-tich';
import { thuongTruForm } from './schemas/thuong-tru';
import { xacNhanCuTruForm } from './schemas/xac-nhan-cu-tru';
import { xacNhanHonNhanForm } from './schemas/xac-nhan-hon-nhan';
import type { FormSchema } from './types';

const handwritten: readonly FormSchema[] = [
  khaiSinhForm,
  khaiTuForm,
  ketHonForm,
  xacNhanHonNhanForm,
  banSaoTrichLucForm,
  thayDoiHoTichForm,
  thuongTruForm,
  tamTruForm,
  giaHanTamTruForm,
  tamVangForm,
  xacNhanCuTruForm,
  hoKinhDoanhForm,
  hoNgheoForm,
  datDaiLanDauForm,
  hoaGiaiDatDaiForm,
];

const byCode = new Map(handwritten.map((f) => [f.procedureCode, f]));

export function listHandwrittenForms(): readonly FormSchema[] {
  return handwritten;
}

export function findHandwrittenForm(code: string): FormSchema | undefined {
  return byCode.get(code);
}

/** The hand-written form of a procedure when there is one, else the form derived from its record. */
export function formForProcedure(code: string, record: ProcedureRecordLike): FormSchema {
  return byCode.get(code) ?? genericFormFromProcedure({ ...record, code });
}
