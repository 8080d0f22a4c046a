import { ADDRESS_FIELDS, type AddressInput } from "../address"

type Props = {
  address: AddressInput
  errors: Partial<Record<keyof AddressInput, string>>
  countries: Array<{ iso_2: string; display_name: string }>
  onChange: (address: AddressInput) => void
}

/** The checkout address inputs, each with its own error message, and the region's countries. */
export function AddressFields({ address, errors, countries, onChange }: Props) {
  return (
    <>
      {ADDRESS_FIELDS.map(([field, label, type]) => (
        <div key={field}>
          <label htmlFor={field}>{label}</label>
          <input
            id={field}
            name={field}
            type={type ?? "text"}
            value={address[field] ?? ""}
            onChange={(e) => onChange({ ...address, [field]: e.target.value })}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `${field}-error` : undefined}
          />
          {errors[field] && <p id={`${field}-error`} className="field-error">{errors[field]}</p>}
        </div>
      ))}
      <label htmlFor="country_code">Country</label>
      <select id="country_code" value={address.country_code} onChange={(e) => onChange({ ...address, country_code: e.target.value })} aria-invalid={errors.country_code ? true : undefined}>
        {countries.map((c) => <option key={c.iso_2} value={c.iso_2}>{c.display_name}</option>)}
      </select>
      {errors.country_code && <p className="field-error">{errors.country_code}</p>}
    </>
  )
}
