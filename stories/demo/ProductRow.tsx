import type { Product } from './catalog'
import { PriceTag } from './PriceTag'

interface ProductRowProps {
  product: Product
  selected: boolean
  onSelect: () => void
  onAdd: () => void
}

/** One product: its name (which shows its details beside the list), its live price, and Add to cart. */
export function ProductRow({ product, selected, onSelect, onAdd }: ProductRowProps) {
  return (
    <li className={selected ? 'shop-row is-selected' : 'shop-row'}>
      <div className="shop-row__info">
        <button type="button" className="shop-row__name" aria-pressed={selected} onClick={onSelect}>
          {product.name}
        </button>
        <span className="shop-badge">{product.category}</span>
      </div>
      <PriceTag product={product} />
      <button type="button" className="shop-button" aria-label={`Add to cart: ${product.name}`} onClick={onAdd}>
        Add to cart
      </button>
    </li>
  )
}
